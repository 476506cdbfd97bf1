// The job store's WAL checkpoints, on a thread of their own. A checkpoint copies the pages
// the WAL holds into master.db and fsyncs both files. SQLite runs one on the committing
// connection once the WAL passes 1,000 pages, and every heartbeat of the moment waits for
// that commit: in a scheduler bench run, 16 commits of 30–125 ms (one of 437 ms) when the
// master committed on its event loop, and 20-odd of 25–224 ms on the store's writer thread,
// against at most 14 ms with this thread. HDFS's active NameNode likewise leaves
// checkpointing its namespace to another node.
//
// The thread's checkpoints never block the store's commits (PASSIVE); once one has caught
// up, the next commit starts the WAL over from its beginning, so the WAL stays small. While
// the thread runs, the store's writing connection checkpoints only past
// BACKSTOP_CHECKPOINT_PAGES, should the thread fall behind; should it die, the store goes
// back to checkpointing as SQLite does by default.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@tsmr/common';
import type { JobStore } from './job-store';
import type { CheckpointReport, CheckpointThreadData } from './wal-checkpoint-thread';

/** WAL pages (4 KiB) past which the store's connection checkpoints by itself (64 MiB). */
export const BACKSTOP_CHECKPOINT_PAGES = 16_384;
/** SQLite's own threshold, for a store whose checkpoint thread died. */
export const DEFAULT_CHECKPOINT_PAGES = 1000;

/** What the checkpointer needs of the job store. */
export type CheckpointedStore = Pick<JobStore, 'file' | 'checkpointAfter'>;
const DEFAULT_INTERVAL_MS = 100;

/** The thread file must be compiled JS: the same path from src/ (tests) and dist/. */
const THREAD_FILE = path.join(__dirname, '..', 'dist', 'wal-checkpoint-thread.js');

export class WalCheckpointer {
  private readonly thread: Worker;
  private readonly exited: Promise<void>;
  private stopping = false;

  constructor(store: CheckpointedStore, log: Logger, intervalMs = DEFAULT_INTERVAL_MS) {
    const { file } = store;
    this.thread = new Worker(THREAD_FILE, { workerData: { file, intervalMs } satisfies CheckpointThreadData });
    store.checkpointAfter(BACKSTOP_CHECKPOINT_PAGES);
    this.thread.on('message', (report: CheckpointReport) => {
      if ('failed' in report) log.warn({ file, error: report.failed }, 'WAL checkpoint failed; retrying');
      else log.info({ file }, 'WAL checkpoints work again');
    });
    let error: unknown;
    this.thread.once('error', (err) => (error = err));
    this.exited = new Promise((resolve) => {
      this.thread.once('exit', (code) => {
        if (!this.stopping) {
          log.error({ err: error, code, file }, 'WAL checkpoint thread died; the master checkpoints by itself');
          store.checkpointAfter(DEFAULT_CHECKPOINT_PAGES);
        }
        resolve();
      });
    });
  }

  /** Stops the thread once its connection is closed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.thread.postMessage('stop');
    await this.exited;
  }
}
