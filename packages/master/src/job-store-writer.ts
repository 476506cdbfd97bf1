// The job store's writes, applied by a thread of their own (job-store-writer-thread.ts) so
// that SQLite's work never runs on the master's event loop: profiled in the scheduler bench,
// the inserts, updates and commits of heartbeats took ≈ 26% of its main thread. (The WAL is
// checkpointed by yet another thread, WalCheckpointer's.) The master sends each transaction's
// writes as one batch and answers a request only once durable() says its batch is committed,
// so what a worker or a client is told has happened is on disk, as before.
//
// A write that fails (a full disk, say) leaves the master's memory ahead of its store: from
// then on every durable() rejects, naming the failure, and the master must be restarted to
// go on from what was committed (as HDFS's NameNode stops when it cannot write its edit log).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@tsmr/common';
import type { StoreMessage, StoreOp, StoreReport, StoreWriterThreadData } from './job-store-writer-thread';

/** The thread file must be compiled JS: the same path from src/ (tests) and dist/. */
const THREAD_FILE = path.join(__dirname, '..', 'dist', 'job-store-writer-thread.js');

interface Waiter {
  seq: number;
  resolve(): void;
  reject(err: Error): void;
}

export class JobStoreWriter {
  private readonly thread: Worker;
  private readonly exited: Promise<void>;
  private sent = 0;
  private committed = 0;
  private failure: Error | undefined;
  /** In the order of their seq. */
  private waiters: Waiter[] = [];
  private closing = false;

  constructor(
    private readonly file: string,
    private readonly log: Logger | undefined,
  ) {
    this.thread = new Worker(THREAD_FILE, { workerData: { file } satisfies StoreWriterThreadData });
    this.thread.on('message', (report: StoreReport) => {
      if ('committed' in report) this.settle(report.committed);
      else this.fail(`a write failed: ${report.error}`);
    });
    let error: unknown;
    this.thread.once('error', (err) => (error = err));
    this.exited = new Promise((resolve) => {
      this.thread.once('exit', () => {
        if (!this.closing) this.fail(`its writer thread died${error instanceof Error ? `: ${error.message}` : ''}`);
        resolve();
      });
    });
  }

  /** Sends one transaction's writes; durable() then waits for them too. */
  send(ops: StoreOp[]): void {
    if (this.failure) return;
    this.post({ seq: ++this.sent, ops });
  }

  /** WAL pages past which the thread's commits checkpoint by themselves (SQLite's default: 1,000). */
  checkpointAfter(pages: number): void {
    this.post({ checkpointAfter: pages });
  }

  /** Resolves once every batch sent so far is committed. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.committed === this.sent) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq: this.sent, resolve, reject }));
  }

  /** Stops the thread once the batches sent so far are committed. */
  async close(): Promise<void> {
    this.closing = true;
    this.post('close');
    await this.exited;
  }

  private post(message: StoreMessage): void {
    this.thread.postMessage(message);
  }

  private settle(committed: number): void {
    this.committed = committed;
    let done = 0;
    while (done < this.waiters.length && this.waiters[done]!.seq <= committed) this.waiters[done++]!.resolve();
    this.waiters = this.waiters.slice(done);
  }

  private fail(why: string): void {
    if (this.failure) return;
    this.failure = new Error(`job store ${this.file}: ${why}; the master must be restarted to go on from what it committed`);
    this.log?.error({ err: this.failure }, 'job store failed');
    for (const waiter of this.waiters) waiter.reject(this.failure);
    this.waiters = [];
  }
}
