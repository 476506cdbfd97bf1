// The task timeout (Hadoop's mapreduce.task.timeout): a task thread that makes no progress
// (TaskStatus.progress: calls into user code, batches) for this long is presumed stuck in
// user code, say a loop that never ends. Its signal then aborts the piscina task, which
// ends the thread; the worker and its other threads carry on. 0 turns it off. The clock
// starts when the thread takes the task up (its first progress mark: loading the job is
// one), so a thread that is slow to start, on a busy machine, is not taken for stuck.
import type { TaskStatus } from './task-status';

/** How often progress is sampled, at most. */
const MAX_CHECK_EVERY_MS = 1000;

export class TaskTimeout {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout | undefined;
  /** What the attempt reports when the timeout expires. */
  readonly message: string;

  constructor(status: TaskStatus, timeoutMs: number) {
    this.message = `no progress for ${timeoutMs / 1000} s (task timeout)`;
    if (timeoutMs === 0) return;
    let seen = status.progress;
    let seenAt = Date.now();
    this.timer = setInterval(
      () => {
        const now = Date.now();
        if (status.progress === 0) {
          seenAt = now; // not taken up yet
        } else if (status.progress !== seen) {
          seen = status.progress;
          seenAt = now;
        } else if (now - seenAt >= timeoutMs) {
          this.stop();
          this.controller.abort(new Error(this.message));
        }
      },
      Math.min(MAX_CHECK_EVERY_MS, Math.max(1, timeoutMs / 4)),
    );
  }

  /** Aborted when the timeout expires. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
