// A job's blacklist (Hadoop's per-job tracker blacklist): a worker on which the job's
// attempts keep failing for reasons not in the job (DFS or shuffle errors, a bad disk, a
// bundle it cannot fetch) gets no more of the job's tasks, unless every live worker is
// blacklisted too (say the only one left): then the job keeps using them. Failures of the
// job's own code do not count: they would fail anywhere.
import type { Liveness } from './scheduler';

export class WorkerBlacklist {
  private readonly failures = new Map<string, number>();

  constructor(
    /** Failures on one worker that blacklist it. */
    private readonly limit: number,
  ) {}

  /** Counts a failure not caused by the job; true when it is the one that blacklists the worker. */
  addFailure(workerId: string): boolean {
    const failures = (this.failures.get(workerId) ?? 0) + 1;
    this.failures.set(workerId, failures);
    return failures === this.limit;
  }

  has(workerId: string): boolean {
    return (this.failures.get(workerId) ?? 0) >= this.limit;
  }

  /** Blacklisted, and some live worker is not. */
  excludes(workerId: string, workers: Liveness): boolean {
    if (!this.has(workerId)) return false;
    let liveBlacklisted = 0;
    for (const id of this.failures.keys()) if (this.has(id) && workers.isLive(id)) liveBlacklisted++;
    return liveBlacklisted < workers.liveCount;
  }
}
