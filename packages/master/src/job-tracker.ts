// The master's core (Hadoop's JobTracker): accepts jobs, hands tasks out on heartbeats
// (backups of stragglers among them), follows every attempt to its end, commits exactly one
// attempt per task and kills the others, re-runs what failed or was lost, blacklists
// workers that keep failing a job, and ends jobs. Unfinished jobs live in memory (rebuilt from the
// store at start); each event changes memory and the store together in one transaction
// (heartbeats that arrive together share one, each in its own savepoint: see GroupCommit),
// and whoever asked for it is answered once that transaction is durable.
//
// DFS work (commits, cleanup) runs once that transaction is durable, in the background, so a
// heartbeat never waits on the namenode. Its intent is stored first (a task in state
// COMMITTING names the attempt being committed; a failed job is marked cleanup_pending),
// and every DFS step is idempotent, so a restarted master finishes what a crash cut short.
import {
  attemptId as makeAttemptId,
  attemptIdParts,
  idStamp,
  jobId as makeJobId,
  taskId as makeTaskId,
  taskOfAttempt,
  type AttemptReport__Output,
  type InputSplit__Output,
  type JobError,
  type Logger,
  type TaskAssignment__Output,
} from '@tsmr/common';
import { JobInProgress, activeAttempt, type ActiveAttempt, type TaskInProgress } from './job-in-progress';
import type { Settled } from './group-commit';
import type { Submission } from './job-spec';
import type { AttemptRow, AttemptStateName, JobRow, JobStore, TaskRow } from './job-store';
import type { OutputCommitter } from './output-committer';
import type { Placement, Scheduler } from './scheduler';
import type { WorkerInfo, WorkerRegistry } from './worker-registry';

export interface JobTrackerParts {
  store: JobStore;
  committer: OutputCommitter;
  workers: WorkerRegistry;
  scheduler: Scheduler;
  workerTimeoutMs: number;
  /** Attempts of a job failing on one worker for reasons not in the job that blacklist it for the job. */
  maxTaskFailuresPerWorker: number;
  log: Logger;
}

export interface WorkerStatus {
  workerId: string;
  shuffleAddress: string;
  datanodeId: string;
  host: string;
  freeSlots: number;
  reports: AttemptReport__Output[];
}

export interface WorkerOrders {
  assignments: TaskAssignment__Output[];
  killAttempts: string[];
}

export class JobTracker {
  /** Unfinished jobs, in submission order. */
  private readonly jobs = new Map<string, JobInProgress>();
  /** DFS work to start once the current transaction has committed. */
  private afterCommit: (() => Promise<void>)[] = [];
  private readonly background = new Set<Promise<void>>();
  private readonly stamp: string;

  constructor(
    private readonly parts: JobTrackerParts,
    now: number,
  ) {
    this.stamp = parts.store.stamp(() => idStamp(new Date(now)));
  }

  // ---- start ----

  /** Rebuilds the unfinished jobs from the store and resumes interrupted commits and cleanups. */
  recover(now: number): void {
    const { store, workers, log } = this.parts;
    for (const row of store.activeJobs()) {
      const tasks = store.tasks(row.id);
      const attempts = store.attempts(row.id);
      if (row.reducers > 0) markKeptMapOutputs(tasks, attempts);
      const job = new JobInProgress(row, tasks, this.parts.maxTaskFailuresPerWorker);
      for (const attempt of attempts) {
        const task = job.task(attempt.taskId);
        if (!task) continue;
        // launch() leaves these two to the attempt rows.
        task.row.nextAttempt = Math.max(task.row.nextAttempt, attempt.number + 1);
        if (attempt.state === 'FAILED') task.attemptFailed(attempt);
        if (attempt.id === task.row.doneAttempt) task.setDone(attempt);
        if (attempt.state === 'ASSIGNED' || attempt.state === 'RUNNING') {
          if (task.row.state === 'PENDING') {
            task.row.state = 'RUNNING';
            job.queueOf(task).remove(task);
          }
          // Kept as it was until its worker has failed to list it for the worker timeout.
          task.attemptStarted(activeAttempt(attempt, task, now));
          workers.restore(attempt.workerId, attempt.shuffleAddress, now);
        } else if (attempt.committed && !task.writesOutput) {
          workers.restore(attempt.workerId, attempt.shuffleAddress, now);
        }
      }
      this.jobs.set(row.id, job);
    }
    this.atomically(() => {
      for (const job of this.jobs.values()) {
        for (const task of [...job.maps, ...job.reduces]) {
          const committing = task.done;
          if (task.row.state === 'COMMITTING' && committing) this.afterCommit.push(() => this.commitTask(task, committing));
        }
        this.commitJobIfDone(job);
      }
      for (const row of store.jobsToClean()) this.afterCommit.push(() => this.cleanUp(row));
    });
    log.info({ jobs: this.jobs.size, attempts: this.activeAttempts().length }, 'job tracker state restored');
  }

  // ---- jobs ----

  /** Claims the output dir, then stores the job and its tasks; returns the job id once they are durable. */
  async submit(submission: Submission, splits: InputSplit__Output[]): Promise<string> {
    await this.parts.committer.setupJob(submission.output);
    try {
      return await this.durably(() => this.accept(submission, splits, Date.now()));
    } catch (err) {
      await this.parts.committer.abortJob(submission.output).catch(() => undefined);
      throw err;
    }
  }

  /** Kills an unfinished job (resolving once that is durable); false when it has already finished. */
  async kill(jobId: string, now: number): Promise<boolean> {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    await this.durably(() => this.endJob(job, 'KILLED', now));
    return true;
  }

  private accept(submission: Submission, splits: InputSplit__Output[], now: number): string {
    const { store, log } = this.parts;
    const seq = store.nextJobSeq();
    const id = makeJobId(this.stamp, seq);
    const row: JobRow = {
      id,
      seq,
      name: submission.name,
      submitter: submission.submitter,
      inputs: submission.inputs,
      output: submission.output,
      reducers: submission.reducers,
      params: submission.params,
      maxAttempts: submission.maxAttempts,
      speculative: submission.speculative,
      skipBadRecords: submission.skipBadRecords,
      outputReplication: submission.outputReplication,
      state: 'PENDING',
      submittedAt: now,
      startedAt: 0,
      finishedAt: 0,
      errorMessage: '',
      errorStack: '',
      errorTask: '',
      cleanupPending: false,
    };
    const newTask = (kind: 'm' | 'r', index: number, split: InputSplit__Output | null): TaskRow => ({
      id: makeTaskId(id, kind, index),
      jobId: id,
      kind,
      index,
      split,
      state: 'PENDING',
      queuedAt: now,
      nextAttempt: 0,
      failures: 0,
      doneAttempt: null,
    });
    const tasks = [
      ...splits.map((split, i) => newTask('m', i, split)),
      ...Array.from({ length: submission.reducers }, (_, i) => newTask('r', i, null)),
    ];
    store.insertJob(row, submission.bundle, tasks);
    const job = new JobInProgress(row, tasks, this.parts.maxTaskFailuresPerWorker);
    this.jobs.set(id, job);
    log.info({ jobId: id, name: row.name, maps: splits.length, reduces: row.reducers, output: row.output }, 'job accepted');
    this.commitJobIfDone(job);
    return id;
  }

  /** Ends an unfinished job as FAILED or KILLED: its attempts are killed and its output deleted. */
  private endJob(job: JobInProgress, state: 'FAILED' | 'KILLED', now: number, error?: JobError): void {
    const reason = state === 'KILLED' ? 'job killed' : 'job failed';
    for (const task of [...job.maps, ...job.reduces]) {
      for (const active of [...task.running]) this.finishAttempt(active, 'KILLED', now, { error: reason });
    }
    job.pendingMaps.clear();
    job.pendingReduces.clear();
    Object.assign(job.row, {
      state,
      finishedAt: now,
      errorMessage: error?.message ?? '',
      errorStack: error?.stack ?? '',
      errorTask: error?.taskId ?? '',
      cleanupPending: true,
    });
    this.parts.store.updateJob(job.row);
    this.jobs.delete(job.id);
    this.parts.log[state === 'KILLED' ? 'info' : 'warn']({ jobId: job.id, state, error: error?.message, taskId: error?.taskId }, `job ${state.toLowerCase()}`);
    this.afterCommit.push(() => this.cleanUp(job.row));
  }

  private async cleanUp(job: JobRow): Promise<void> {
    await this.parts.committer.abortJob(job.output);
    this.atomically(() => {
      job.cleanupPending = false;
      this.parts.store.updateJob(job);
    });
  }

  /** Once every task is committed: drop _temporary, write _SUCCESS, and the job SUCCEEDS. */
  private commitJobIfDone(job: JobInProgress): void {
    if (!job.allTasksDone || job.committing) return;
    job.committing = true;
    this.afterCommit.push(async () => {
      try {
        await this.parts.committer.commitJob(job.row.output);
      } catch (err) {
        this.atomically(() => {
          if (this.isUnfinished(job)) this.endJob(job, 'FAILED', Date.now(), { message: `job commit failed: ${messageOf(err)}`, stack: '', taskId: '' });
        });
        return;
      }
      this.atomically(() => {
        if (!this.isUnfinished(job)) return;
        const now = Date.now();
        Object.assign(job.row, { state: 'SUCCEEDED', startedAt: job.row.startedAt || now, finishedAt: now });
        this.parts.store.updateJob(job.row);
        this.jobs.delete(job.id);
        this.parts.log.info({ jobId: job.id, output: job.row.output }, 'job succeeded');
      });
    });
  }

  private isUnfinished(job: JobInProgress): boolean {
    return this.jobs.get(job.id) === job;
  }

  // ---- heartbeats ----

  /**
   * Applies heartbeats that arrived together (see GroupCommit) in one transaction, each in
   * its own savepoint: one that throws has its store changes rolled back and fails alone
   * (what it changed in memory stays, as with any transaction here that throws).
   * Resolves once the transaction is durable; a failed commit fails the whole group.
   */
  heartbeats(statuses: readonly WorkerStatus[], now: number): Promise<Settled<WorkerOrders>[]> {
    return this.durably(() =>
      statuses.map((status): Settled<WorkerOrders> => {
        try {
          return { value: this.atomically(() => this.heartbeat(status, now)) };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  /** Applies a worker's reports and gives it work. */
  private heartbeat(status: WorkerStatus, now: number): WorkerOrders {
    const { workers, scheduler } = this.parts;
    const worker = workers.heartbeat(
      { id: status.workerId, shuffleAddress: status.shuffleAddress, datanodeId: status.datanodeId, host: status.host },
      now,
    );
    const killAttempts: string[] = [];
    for (const report of status.reports) this.applyReport(worker.id, report, now, killAttempts);
    const placements = status.freeSlots > 0 ? scheduler.assign(this.jobs, worker, status.freeSlots, workers, now) : [];
    return { assignments: placements.map((placement) => this.launch(placement, worker, now)), killAttempts };
  }

  private applyReport(workerId: string, report: AttemptReport__Output, now: number, killAttempts: string[]): void {
    const active = this.findActiveAttempt(report.attemptId);
    if (!active || active.row.workerId !== workerId) {
      // Not running as far as the master knows (killed, lost, or never assigned to this worker).
      if (report.state === 'RUNNING' || report.state === 'ASSIGNED') killAttempts.push(report.attemptId);
      else if (report.state === 'SUCCEEDED') this.discardLateSuccess(report.attemptId, killAttempts);
      return;
    }
    active.lastReportedAt = now;
    switch (report.state) {
      case 'RUNNING':
        if (active.row.state === 'ASSIGNED') {
          active.row.state = 'RUNNING';
          this.parts.store.updateAttempt(active.row);
        }
        return;
      case 'SUCCEEDED':
        return this.attemptSucceeded(active, report, now);
      case 'FAILED':
        if (!active.task.isMap && report.fetchFailedMaps.length > 0) return this.fetchFailed(active, report.fetchFailedMaps, now);
        return this.attemptFailed(active, report, now);
    }
  }

  private launch({ task, dataLocal, speculative }: Placement, worker: WorkerInfo, now: number): TaskAssignment__Output {
    const { store, log } = this.parts;
    const job = task.job;
    const row: AttemptRow = {
      id: makeAttemptId(task.row.id, task.row.nextAttempt),
      number: task.row.nextAttempt,
      taskId: task.row.id,
      jobId: job.id,
      kind: task.row.kind,
      index: task.row.index,
      state: 'ASSIGNED',
      workerId: worker.id,
      workerHost: worker.host,
      shuffleAddress: worker.shuffleAddress,
      // A backup was ready the moment the scheduler chose it.
      queuedAt: speculative ? now : task.row.queuedAt,
      startedAt: now,
      finishedAt: 0,
      dataLocal,
      error: '',
      errorStack: '',
      counters: {},
      partitionBytes: [],
      committed: false,
      speculative,
      userCode: false,
      failedRecord: null,
    };
    // The task row is not written: the attempt's row says that the task runs and how many
    // attempts it has had, and recover() reads both back from there (a row write less per assignment).
    task.row.nextAttempt++;
    task.row.state = 'RUNNING';
    store.insertAttempt(row);
    task.attemptStarted(activeAttempt(row, task, now));
    if (job.row.state === 'PENDING') {
      Object.assign(job.row, { state: 'RUNNING', startedAt: now });
      store.updateJob(job.row);
      log.info({ jobId: job.id }, 'job running');
    }
    log.debug({ jobId: job.id, taskId: row.taskId, attemptId: row.id, workerId: worker.id, dataLocal, speculative }, 'task attempt assigned');
    const skipRecords = task.isMap ? task.recordsToSkip() : [];
    if (skipRecords.length > 0) log.warn({ jobId: job.id, attemptId: row.id, skipRecords }, 'skipping bad records');
    return {
      attemptId: row.id,
      jobId: job.id,
      type: task.isMap ? 'MAP' : 'REDUCE',
      taskIndex: row.index,
      split: task.row.split,
      reducers: job.row.reducers,
      params: job.row.params,
      output: job.row.output,
      mapOutputs: task.isMap
        ? []
        : job.maps.flatMap((map) => (map.done ? [{ mapIndex: map.row.index, attemptId: map.done.id, shuffleAddress: map.done.shuffleAddress }] : [])),
      skipRecords,
      outputReplication: job.row.outputReplication,
    };
  }

  private attemptSucceeded(active: ActiveAttempt, report: AttemptReport__Output, now: number): void {
    const { task } = active;
    const job = task.job;
    this.finishAttempt(active, 'SUCCEEDED', now, {
      counters: report.counters,
      partitionBytes: report.partitionBytes,
      committed: !task.writesOutput,
    });
    // The first attempt to succeed is the task's: a backup or original still running is killed.
    for (const other of [...task.running]) this.finishAttempt(other, 'KILLED', now, { error: `superseded by ${active.row.id}` });
    task.setDone(active.row);
    if (task.writesOutput) {
      task.row.state = 'COMMITTING';
      this.parts.store.updateTask(task.row);
      this.afterCommit.push(() => this.commitTask(task, active.row));
      return;
    }
    // The task row is not written: the attempt's row (committed) says that the map is done
    // with this output, and recover() reads it back from there (a row write less per map).
    task.row.state = 'DONE';
    job.mapsDone++;
    this.parts.log.debug({ jobId: job.id, taskId: task.row.id, attemptId: active.row.id }, 'map task succeeded');
    if (job.allMapsDone) {
      // The reduces become ready now: that is their queue time.
      for (const reduce of job.reduces) {
        if (reduce.row.state !== 'PENDING') continue;
        reduce.row.queuedAt = now;
        this.parts.store.updateTask(reduce.row);
      }
      this.parts.log.info({ jobId: job.id, maps: job.maps.length }, 'all maps succeeded; reduces ready');
    }
  }

  /** Renames the attempt's part files into OUTPUT, then records the task as committed. */
  private async commitTask(task: TaskInProgress, attempt: AttemptRow): Promise<void> {
    const job = task.job;
    const stillCommitting = () => this.isUnfinished(job) && task.row.state === 'COMMITTING' && task.row.doneAttempt === attempt.id;
    try {
      await this.parts.committer.commitTask(job.row.output, attempt.id);
    } catch (err) {
      this.atomically(() => {
        if (!stillCommitting()) return;
        Object.assign(attempt, { state: 'FAILED', error: `commit failed: ${messageOf(err)}`, errorStack: '' });
        this.parts.store.updateAttempt(attempt);
        task.setDone(undefined);
        this.taskAttemptFailed(task, attempt, Date.now());
      });
      return;
    }
    this.atomically(() => {
      if (!stillCommitting()) return;
      attempt.committed = true;
      this.parts.store.updateAttempt(attempt);
      task.row.state = 'DONE';
      this.parts.store.updateTask(task.row);
      if (task.isMap) job.mapsDone++;
      else job.reducesDone++;
      this.parts.log.debug({ jobId: job.id, taskId: task.row.id, attemptId: attempt.id }, 'task committed');
      this.commitJobIfDone(job);
    });
  }

  /**
   * A success reported for an attempt that is no longer running (a killed backup or
   * original, say): its output must not be committed, and its worker deletes it.
   */
  private discardLateSuccess(attemptId: string, killAttempts: string[]): void {
    const taskId = taskOfAttempt(attemptId);
    const job = this.jobs.get(jobOfTask(taskId));
    const task = job?.task(taskId);
    // A repeated report of the attempt being (or already) committed is not late.
    if (!job || !task || task.row.doneAttempt === attemptId) return;
    this.parts.log.info({ jobId: job.id, taskId, attemptId }, 'late success of a superseded attempt: output discarded');
    killAttempts.push(attemptId);
    if (task.writesOutput) this.afterCommit.push(() => this.parts.committer.abortTask(job.row.output, attemptId));
  }

  private attemptFailed(active: ActiveAttempt, report: AttemptReport__Output, now: number): void {
    this.finishAttempt(active, 'FAILED', now, {
      error: report.error || 'attempt failed (no message)',
      errorStack: report.errorStack,
      userCode: report.userCode,
      failedRecord: report.failedRecord ?? null,
    });
    this.taskAttemptFailed(active.task, active.row, now);
  }

  /** Counts a failed attempt against its task: a retry, or the end of the job after maxAttempts. */
  private taskAttemptFailed(task: TaskInProgress, attempt: AttemptRow, now: number): void {
    task.row.failures++;
    if (task.attemptFailed(attempt)) {
      this.parts.log.warn(
        { jobId: task.job.id, workerId: attempt.workerId, failures: this.parts.maxTaskFailuresPerWorker },
        'worker blacklisted for the job: its attempts keep failing for reasons not in the job',
      );
    }
    if (task.row.failures >= task.job.row.maxAttempts) {
      this.parts.store.updateTask(task.row);
      this.endJob(task.job, 'FAILED', now, { message: attempt.error, stack: attempt.errorStack, taskId: task.row.id });
      return;
    }
    this.requeue(task, now);
  }

  /** A reduce could not fetch some map outputs: those maps run again, and so does the reduce, without counting a failure. */
  private fetchFailed(active: ActiveAttempt, mapIndexes: number[], now: number): void {
    const job = active.task.job;
    this.finishAttempt(active, 'KILLED', now, { error: `could not fetch the output of maps ${mapIndexes.join(', ')}` });
    for (const index of new Set(mapIndexes)) {
      const map = job.maps[index];
      // An output produced after the reduce was assigned is a re-run the reduce never saw.
      if (map?.row.state === 'DONE' && map.done && map.done.finishedAt <= active.row.startedAt) {
        this.mapOutputLost(map, now, `reduce attempt ${active.row.id} could not fetch it`);
      }
    }
    this.requeue(active.task, now);
  }

  // ---- lost workers and attempts ----

  /** Periodic work: lost workers, and attempts their worker stopped listing. */
  tick(now: number): void {
    const { workers, workerTimeoutMs } = this.parts;
    this.atomically(() => {
      for (const worker of workers.expire(now)) this.workerLost(worker.id, now);
      for (const active of this.activeAttempts()) {
        if (now - active.lastReportedAt > workerTimeoutMs) {
          this.attemptLost(active, now, `not reported by worker ${active.row.workerId} for ${now - active.lastReportedAt} ms`);
        }
      }
    });
  }

  /** Its attempts run again elsewhere, and so do its map outputs that reduces still need. */
  private workerLost(workerId: string, now: number): void {
    for (const active of this.activeAttempts()) {
      if (active.row.workerId === workerId) this.attemptLost(active, now, `worker ${workerId} lost`);
    }
    for (const job of this.jobs.values()) {
      if (job.isMapOnly || job.reducesDone === job.reduces.length) continue;
      for (const map of job.maps) {
        if (map.row.state === 'DONE' && map.done?.workerId === workerId) this.mapOutputLost(map, now, `worker ${workerId} lost`);
      }
    }
  }

  /** Killed, not failed: a lost attempt does not count against its task. */
  private attemptLost(active: ActiveAttempt, now: number, reason: string): void {
    this.finishAttempt(active, 'KILLED', now, { error: reason });
    this.requeue(active.task, now);
  }

  private mapOutputLost(map: TaskInProgress, now: number, reason: string): void {
    const lost = map.done;
    if (lost) {
      Object.assign(lost, { state: 'KILLED', committed: false, error: `map output lost: ${reason}` });
      this.parts.store.updateAttempt(lost);
    }
    map.setDone(undefined);
    map.job.mapsDone--;
    this.parts.log.warn({ jobId: map.job.id, taskId: map.row.id, attemptId: lost?.id, reason }, 'map output lost');
    this.requeue(map, now);
  }

  // ---- shared steps ----

  /** Stores the task's row and puts it back in its queue, unless another attempt of it still runs and carries on. */
  private requeue(task: TaskInProgress, now: number): void {
    if (task.running.length === 0) {
      Object.assign(task.row, { state: 'PENDING', queuedAt: now });
      task.job.queueOf(task).add(task);
      this.parts.log.info({ jobId: task.job.id, taskId: task.row.id, attempts: task.row.nextAttempt, failures: task.row.failures }, 'task re-queued');
    }
    this.parts.store.updateTask(task.row);
  }

  /**
   * The attempt ASSIGNED or RUNNING under this (checked) id, found through its job and task:
   * the tracker keeps no map of every running attempt, whose hash table a busy master would
   * reallocate several times a second (see RunningAttempts).
   */
  private findActiveAttempt(attemptId: string): ActiveAttempt | undefined {
    const { job, kind, index } = attemptIdParts(attemptId);
    const running = this.jobs.get(job)?.[kind === 'm' ? 'maps' : 'reduces'][index]?.running;
    for (const active of running ?? []) if (active.row.id === attemptId) return active;
    return undefined;
  }

  /** Every attempt ASSIGNED or RUNNING, in a new array (its caller may finish them). */
  private activeAttempts(): ActiveAttempt[] {
    const all: ActiveAttempt[] = [];
    for (const job of this.jobs.values()) all.push(...job.mapRuns.running, ...job.reduceRuns.running);
    return all;
  }

  private finishAttempt(active: ActiveAttempt, state: AttemptStateName, now: number, fields: Partial<AttemptRow>): void {
    active.task.attemptEnded(active);
    Object.assign(active.row, { state, finishedAt: now }, fields);
    this.parts.store.updateAttempt(active.row);
    const { row } = active;
    // Routine steps of a task log at debug (job history has them): a busy master makes thousands a second.
    this.parts.log[state === 'FAILED' ? 'warn' : state === 'KILLED' ? 'info' : 'debug'](
      { jobId: row.jobId, taskId: row.taskId, attemptId: row.id, workerId: row.workerId, state, error: row.error || undefined },
      'task attempt finished',
    );
  }

  /**
   * Runs fn in one store transaction; the DFS work it asked for starts once that is durable.
   * Nested in another, fn runs in a savepoint and its DFS work waits for the outer commit.
   */
  private atomically<T>(fn: () => T): T {
    const outer = this.afterCommit.length;
    let result: T;
    try {
      result = this.parts.store.transaction(fn);
    } catch (err) {
      this.afterCommit.length = outer;
      throw err;
    }
    if (this.parts.store.inTransaction || this.afterCommit.length === outer) return result;
    const durable = this.parts.store.durable();
    for (const step of this.afterCommit.splice(outer)) this.inBackground(() => durable.then(step));
    return result;
  }

  /** atomically(fn), resolving with its result once its transaction is durable. */
  private async durably<T>(fn: () => T): Promise<T> {
    const result = this.atomically(fn);
    await this.parts.store.durable();
    return result;
  }

  private inBackground(work: () => Promise<void>): void {
    const running: Promise<void> = work()
      .catch((err) => this.parts.log.error({ err }, 'background DFS work failed'))
      .finally(() => this.background.delete(running));
    this.background.add(running);
  }

  /** Waits for the background DFS work (commits, cleanups) to finish. */
  async drain(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }
}

/** A map (of a job with reduces) whose attempt is committed is DONE with it: attemptSucceeded() writes only the attempt's row. */
function markKeptMapOutputs(tasks: TaskRow[], attempts: readonly AttemptRow[]): void {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  for (const attempt of attempts) {
    const task = byId.get(attempt.taskId);
    if (task && attempt.kind === 'm' && attempt.committed) Object.assign(task, { state: 'DONE', doneAttempt: attempt.id });
  }
}

/** job_<stamp>_<NNNN> of task_<stamp>_<NNNN>_<kind>_<index>. */
function jobOfTask(taskId: string): string {
  const [, stamp, seq] = taskId.split('_');
  return `job_${stamp}_${seq}`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
