// Speculative execution (the Google paper's backup tasks, Hadoop's speculator). Near the
// end of a phase (a job's maps, then its reduces), when none of its tasks waits for a slot
// and some have finished, a task whose attempt has run longer than
// max(slowness × the median run time of the phase's finished tasks, minRuntime) is a
// straggler: it gets one backup attempt on another worker. Whichever attempt succeeds first
// is the task's (the commit-once logic of the job tracker); the other is killed.
import type { JobInProgress, TaskInProgress } from './job-in-progress';

export interface SpeculationConfig {
  /** A straggler has run this many times the median of its finished peers... */
  slowness: number;
  /** ...and at least this long. */
  minRuntimeMs: number;
}

export class Speculator {
  constructor(private readonly config: SpeculationConfig) {}

  /** The job's slowest straggler that the worker may back up, if any. */
  straggler(job: JobInProgress, workerId: string, now: number): TaskInProgress | undefined {
    if (!job.row.speculative) return undefined;
    const [runs, pending] = job.allMapsDone ? [job.reduceRuns, job.pendingReduces] : [job.mapRuns, job.pendingMaps];
    if (pending.size > 0 || runs.finishedCount === 0) return undefined;
    const threshold = Math.max(this.config.slowness * runs.medianRunTime(), this.config.minRuntimeMs);
    // Oldest first: the first attempt the worker may back up has run the longest, so if it is no straggler, none is.
    for (const attempt of runs.running) {
      const { task } = attempt;
      // At most two attempts at once; a backup never goes where the original runs or the task failed.
      if (task.running.length > 1 || attempt.row.workerId === workerId || task.failedOn.has(workerId)) continue;
      return now - attempt.row.startedAt > threshold ? task : undefined;
    }
    return undefined;
  }
}
