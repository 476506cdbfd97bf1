// What the speculator needs of one phase of a job (its maps, or its reduces), kept up to
// date as attempts start and tasks finish, so that a heartbeat near the end of a phase
// does not scan (and sort) every task of it: the attempts running, oldest first, and the
// run times of the phase's finished tasks, sorted.
import { quantile } from './job-history';
import type { ActiveAttempt } from './job-in-progress';
import { RunningAttempts } from './running-attempts';

export class PhaseRuns {
  /** In the order they started (the master's clock only moves on). */
  readonly running = new RunningAttempts<ActiveAttempt>();
  private readonly runTimes: number[] = [];

  get finishedCount(): number {
    return this.runTimes.length;
  }

  /** The median run time of the finished tasks (some must have finished). */
  medianRunTime(): number {
    return quantile(this.runTimes, 0.5);
  }

  finished(runTime: number): void {
    this.runTimes.splice(this.indexOf(runTime), 0, runTime);
  }

  /** A finished task is no longer finished (its commit failed, its map output was lost). */
  unfinished(runTime: number): void {
    const i = this.indexOf(runTime);
    if (this.runTimes[i] === runTime) this.runTimes.splice(i, 1);
  }

  /** The first index whose run time is ≥ runTime (binary search). */
  private indexOf(runTime: number): number {
    let low = 0;
    let high = this.runTimes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.runTimes[mid]! < runTime) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
