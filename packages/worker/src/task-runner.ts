// The pool of task threads (piscina): `slots` threads, each running task-thread.js with a
// heap limit (taskMemory). Input buffers are moved into the thread (transfer list), not
// copied. A task whose thread dies (process.exit in user code, out of memory, aborted by a
// kill or the task timeout) rejects, and piscina starts a new thread. Each task gets a
// TaskStatus, by which a failure inside user code becomes a UserCodeError.
import path from 'node:path';
import { Piscina } from 'piscina';
import { UserCodeError, errorParts } from './attempt-failure';
import type { JobDescription, MapTaskRequest, ReduceTaskRequest, TaskRequest, TaskResult } from './task-protocol';
import { TaskStatus } from './task-status';
import { TaskTimeout } from './task-timeout';

/**
 * Young generation of each thread (V8's default is 48 MB: 16 MB semi-spaces). A task's
 * records mostly die young, but a batch's are still live at a small scavenge, which
 * copies them; with 32 MB semi-spaces a unique-users map took 14% less CPU (0.50 → 0.43 s
 * per 64 MB, through this runner); sort's maps did not change.
 */
const YOUNG_GENERATION_MB = 96;

/** The thread file must be compiled JS: the same path from src/ (tests) and dist/. */
const THREAD_FILE = path.join(__dirname, '..', 'dist', 'task-thread.js');

export interface TaskRunnerOptions {
  slots: number;
  /** No progress for this long ends the task (0: never). */
  taskTimeoutMs: number;
  /** Heap limit of each thread. */
  taskMemoryBytes: number;
}

/** A request as callers make it: the runner adds the TaskStatus. */
type WithoutStatus<T> = T extends unknown ? Omit<T, 'status'> : never;

export class TaskRunner {
  private readonly pool: Piscina;
  private readonly heapMb: number;

  constructor(private readonly options: TaskRunnerOptions) {
    this.heapMb = Math.max(1, Math.round(options.taskMemoryBytes / 2 ** 20));
    this.pool = new Piscina({
      filename: THREAD_FILE,
      minThreads: options.slots,
      maxThreads: options.slots,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  }

  /** Loads a job bundle in a thread and tells how the job reads its input. */
  describe(bundle: string): Promise<JobDescription> {
    return this.inThread<JobDescription>({ kind: 'describe', bundle }, [], undefined);
  }

  /** Runs a map or reduce attempt; the request's input buffers are moved (or shared) to the thread. */
  run(task: WithoutStatus<MapTaskRequest | ReduceTaskRequest>, signal: AbortSignal): Promise<TaskResult> {
    const inputs = task.kind === 'map' ? [task.input] : task.segments.flatMap((s) => ('bytes' in s ? [s.bytes] : []));
    return this.inThread<TaskResult>(task, inputs, signal);
  }

  async stop(): Promise<void> {
    await this.pool.destroy();
  }

  /** `signal` is the attempt's kill; the task timeout aborts the thread too. */
  private async inThread<T>(task: WithoutStatus<TaskRequest>, inputs: Uint8Array[], signal: AbortSignal | undefined): Promise<T> {
    const status = new TaskStatus();
    const timeout = new TaskTimeout(status, this.options.taskTimeoutMs);
    try {
      return (await this.pool.run(
        { ...task, status: status.shared },
        {
          signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
          // Shared buffers (SplitBuffers) are shared with the thread, not moved.
          transferList: inputs.flatMap((bytes) => (bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [])),
        },
      )) as T;
    } catch (err) {
      if (signal?.aborted) throw err; // killed: nobody reads its report
      if (timeout.signal.aborted) throw new UserCodeError({ message: timeout.message, stack: '' }, status.mapRecord);
      if (isOutOfMemory(err)) {
        const message = `out of memory: the task thread passed its ${this.heapMb} MB heap (worker option taskMemory)`;
        throw new UserCodeError({ message, stack: '' }, status.mapRecord);
      }
      if (status.inUserCode) throw new UserCodeError(errorParts(err), status.mapRecord);
      throw err;
    } finally {
      timeout.stop();
    }
  }
}

function isOutOfMemory(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
}
