// Speculative execution (the Google paper's backup tasks, Hadoop's speculator). Near the
// end of a phase (a job's maps, then its reduces), when none of its tasks waits for a slot
// and some have finished, a task whose attempt has run longer than
// max(slowness × the median run time of the phase's finished tasks, minRuntime) is a
// straggler: it gets one backup attempt on another worker. Whichever attempt succeeds first
// is the task's (the commit-once logic of the job tracker); the other is killed.
import { median } from './job-history';
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
    const [phase, pending] = job.allMapsDone ? [job.reduces, job.pendingReduces] : [job.maps, job.pendingMaps];
    if (pending.size > 0) return undefined;
    const runTimes = phase.flatMap((task) => (task.done ? [task.done.finishedAt - task.done.startedAt] : []));
    if (runTimes.length === 0) return undefined;
    const threshold = Math.max(this.config.slowness * median(runTimes), this.config.minRuntimeMs);
    let slowest: { task: TaskInProgress; runTime: number } | undefined;
    for (const task of phase) {
      // At most two attempts at once; a backup never goes where the original runs or the task failed.
      const [attempt, ...others] = task.running;
      if (!attempt || others.length > 0 || attempt.row.workerId === workerId || task.failedOn.has(workerId)) continue;
      const runTime = now - attempt.row.startedAt;
      if (runTime > threshold && runTime > (slowest?.runTime ?? 0)) slowest = { task, runTime };
    }
    return slowest?.task;
  }
}
