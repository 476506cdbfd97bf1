// The pool of task threads (piscina): `slots` threads, each running task-thread.js. Input
// buffers are moved into the thread (transfer list), not copied. A task whose thread dies
// (process.exit in user code, out of memory) rejects, and piscina starts a new thread.
import path from 'node:path';
import { Piscina } from 'piscina';
import type { JobDescription, MapTaskRequest, ReduceTaskRequest, TaskResult } from './task-protocol';

/** The thread file must be compiled JS: the same path from src/ (tests) and dist/. */
const THREAD_FILE = path.join(__dirname, '..', 'dist', 'task-thread.js');

export class TaskRunner {
  private readonly pool: Piscina;

  constructor(slots: number) {
    this.pool = new Piscina({ filename: THREAD_FILE, minThreads: slots, maxThreads: slots, idleTimeout: 60_000 });
  }

  /** Loads a job bundle in a thread and tells how the job reads its input. */
  describe(bundle: string): Promise<JobDescription> {
    return this.pool.run({ kind: 'describe', bundle }) as Promise<JobDescription>;
  }

  /** Runs a map or reduce attempt; the request's input buffers are moved to the thread. */
  run(task: MapTaskRequest | ReduceTaskRequest, signal: AbortSignal): Promise<TaskResult> {
    const inputs = task.kind === 'map' ? [task.input] : task.segments;
    const transferList = inputs.map((bytes) => bytes.buffer as ArrayBuffer);
    return this.pool.run(task, { signal, transferList }) as Promise<TaskResult>;
  }

  async stop(): Promise<void> {
    await this.pool.destroy();
  }
}
