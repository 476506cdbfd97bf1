// What the master keeps in memory about a job that has not finished (Hadoop's
// JobInProgress and TaskInProgress): its tasks, which wait in which queue, which attempts
// run each, where each finished map's output lives, and what failed where. The rows are
// the stored form; the job tracker changes a row and writes it back in the same step.
import type { AttemptRow, JobRow, TaskRow } from './job-store';
import { PendingTasks, type Queueable } from './pending-tasks';
import { PhaseRuns } from './phase-runs';
import type { Linked } from './running-attempts';
import { WorkerBlacklist } from './worker-blacklist';

/** An attempt given to a worker and not yet finished. */
export interface ActiveAttempt extends Linked<ActiveAttempt> {
  readonly row: AttemptRow;
  readonly task: TaskInProgress;
  /** Last time its worker listed it (or it was assigned, or the master started). */
  lastReportedAt: number;
}

/** An attempt just given to a worker (or found running when the master restarts). */
export function activeAttempt(row: AttemptRow, task: TaskInProgress, lastReportedAt: number): ActiveAttempt {
  // Its neighbours in its phase's list of running attempts: see RunningAttempts.
  return { row, task, lastReportedAt, earlier: undefined, later: undefined };
}

export class TaskInProgress implements Queueable {
  readonly hosts: readonly string[];
  /** Workers an attempt of this task failed on: a retry goes elsewhere when it can. */
  readonly failedOn = new Set<string>();
  /** An array, not a Set: a Set reallocates its table when its last member leaves, once for every task. */
  private readonly attempts: ActiveAttempt[] = [];
  /** Skip mode: attempts that failed in map on each record (index within the split). */
  private readonly recordFailures = new Map<number, number>();
  private doneAttempt: AttemptRow | undefined;

  constructor(
    readonly row: TaskRow,
    readonly job: JobInProgress,
  ) {
    this.hosts = row.split?.hosts ?? [];
  }

  /** The attempts running now: one, or two while a speculative backup runs. */
  get running(): readonly ActiveAttempt[] {
    return this.attempts;
  }

  get isMap(): boolean {
    return this.row.kind === 'm';
  }

  /** The attempt whose output is the task's (row.doneAttempt): a finished map's tells reduces where to fetch. */
  get done(): AttemptRow | undefined {
    return this.doneAttempt;
  }

  /** Makes `attempt` the task's (row.doneAttempt too; the caller stores the row). */
  setDone(attempt: AttemptRow | undefined): void {
    const runs = this.job.runsOf(this);
    if (this.doneAttempt) runs.unfinished(runTime(this.doneAttempt));
    this.doneAttempt = attempt;
    this.row.doneAttempt = attempt?.id ?? null;
    if (attempt) runs.finished(runTime(attempt));
  }

  attemptStarted(active: ActiveAttempt): void {
    this.attempts.push(active);
    this.job.runsOf(this).running.add(active);
  }

  attemptEnded(active: ActiveAttempt): void {
    const at = this.attempts.indexOf(active);
    if (at >= 0) this.attempts.splice(at, 1);
    this.job.runsOf(this).running.delete(active);
  }

  /** Reduces and map-only maps write part files to OUTPUT; other maps keep their output on the worker. */
  get writesOutput(): boolean {
    return !this.isMap || this.job.isMapOnly;
  }

  /** Notes where and why an attempt failed; true when this failure blacklists its worker for the job. */
  attemptFailed(attempt: AttemptRow): boolean {
    this.failedOn.add(attempt.workerId);
    if (attempt.userCode && attempt.failedRecord !== null) {
      this.recordFailures.set(attempt.failedRecord, (this.recordFailures.get(attempt.failedRecord) ?? 0) + 1);
    }
    return !attempt.userCode && this.job.blacklist.addFailure(attempt.workerId);
  }

  /** Skip mode: the records the next attempt must skip (failed on by skipBadRecords attempts). */
  recordsToSkip(): number[] {
    const { skipBadRecords } = this.job.row;
    if (skipBadRecords === 0) return [];
    return [...this.recordFailures].filter(([, failures]) => failures >= skipBadRecords).map(([record]) => record);
  }
}

export class JobInProgress {
  readonly maps: TaskInProgress[] = [];
  readonly reduces: TaskInProgress[] = [];
  readonly pendingMaps = new PendingTasks<TaskInProgress>();
  readonly pendingReduces = new PendingTasks<TaskInProgress>();
  readonly mapRuns = new PhaseRuns();
  readonly reduceRuns = new PhaseRuns();
  private readonly byId = new Map<string, TaskInProgress>();
  /** Maps whose output is available (succeeded, or committed for map-only jobs). */
  mapsDone = 0;
  reducesDone = 0;
  /** Since when the job has been passed over for want of a node-local map (delay scheduling). */
  localityWaitSince: number | undefined;
  /** The job commit (_SUCCESS) has begun. */
  committing = false;
  readonly blacklist: WorkerBlacklist;

  constructor(
    readonly row: JobRow,
    tasks: readonly TaskRow[],
    maxTaskFailuresPerWorker: number,
  ) {
    this.blacklist = new WorkerBlacklist(maxTaskFailuresPerWorker);
    for (const taskRow of tasks) {
      const task = new TaskInProgress(taskRow, this);
      (task.isMap ? this.maps : this.reduces)[taskRow.index] = task;
      this.byId.set(taskRow.id, task);
      if (taskRow.state === 'DONE') {
        if (task.isMap) this.mapsDone++;
        else this.reducesDone++;
      }
      if (taskRow.state === 'PENDING') this.queueOf(task).add(task);
    }
  }

  get id(): string {
    return this.row.id;
  }

  get isMapOnly(): boolean {
    return this.row.reducers === 0;
  }

  get allMapsDone(): boolean {
    return this.mapsDone === this.maps.length;
  }

  get allTasksDone(): boolean {
    return this.allMapsDone && this.reducesDone === this.reduces.length;
  }

  task(id: string): TaskInProgress | undefined {
    return this.byId.get(id);
  }

  queueOf(task: TaskInProgress): PendingTasks<TaskInProgress> {
    return task.isMap ? this.pendingMaps : this.pendingReduces;
  }

  runsOf(task: TaskInProgress): PhaseRuns {
    return task.isMap ? this.mapRuns : this.reduceRuns;
  }
}

function runTime(attempt: AttemptRow): number {
  return attempt.finishedAt - attempt.startedAt;
}
