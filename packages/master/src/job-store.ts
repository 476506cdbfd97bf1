// The master's memory across restarts (DIR/master.db, SQLite in WAL mode): jobs with their
// bundles, tasks, and every attempt with its queued/started/finished times. The job
// tracker changes them in one transaction per event (a heartbeat, a commit, a kill), so a
// crash never leaves half of one. Job counters are derived from the attempts, not stored.
//
// Attempts are the rows a busy master writes most (one per assignment, changed when it
// ends), so their row is narrow: keyed by integers (the job's seq, the task's kind and
// index, the attempt's number) from which the ids are rebuilt, and naming the worker by a
// row of `workers`. Measured: inserting one took 5.5 µs with the text ids and worker
// strings in the row (and two indexes on text), 1.1 µs as a narrow integer-keyed row.
import { attemptId, taskId, type InputSplit__Output, type JobState__Output } from '@tsmr/common';
import type { Submission } from './job-spec';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type TaskKindName = 'm' | 'r';
/** COMMITTING: a successful attempt's output is being renamed into place (done_attempt names it). */
export type TaskStateName = 'PENDING' | 'RUNNING' | 'COMMITTING' | 'DONE';
export type AttemptStateName = 'ASSIGNED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'KILLED';

/** A job as stored: what was submitted (less the bundle, kept apart) and its progress. */
export interface JobRow extends Omit<Submission, 'bundle'> {
  id: string;
  seq: number;
  state: JobState__Output;
  submittedAt: number;
  startedAt: number;
  finishedAt: number;
  errorMessage: string;
  errorStack: string;
  errorTask: string;
  /** FAILED/KILLED and its output dir not yet deleted. */
  cleanupPending: boolean;
}

/**
 * As stored, state, nextAttempt and doneAttempt may lag behind: launching an attempt, and
 * a map's success, write only the attempt's row, from which the job tracker's recover()
 * reads them back.
 */
export interface TaskRow {
  id: string;
  jobId: string;
  kind: TaskKindName;
  index: number;
  split: InputSplit__Output | null;
  state: TaskStateName;
  queuedAt: number;
  nextAttempt: number;
  failures: number;
  /** The succeeded map attempt, or the reduce/map-only attempt committed or being committed. */
  doneAttempt: string | null;
}

export interface AttemptRow {
  id: string;
  /** N of its id: the task's Nth attempt, from 0. */
  number: number;
  taskId: string;
  jobId: string;
  kind: TaskKindName;
  index: number;
  state: AttemptStateName;
  workerId: string;
  workerHost: string;
  shuffleAddress: string;
  queuedAt: number;
  startedAt: number;
  finishedAt: number;
  dataLocal: boolean;
  error: string;
  errorStack: string;
  counters: Record<string, number>;
  partitionBytes: number[];
  /** Its output is the task's output (a committed reduce, a succeeded map whose output is still needed). */
  committed: boolean;
  /** A backup of a straggling attempt of the same task. */
  speculative: boolean;
  /** FAILED in the job's own code (not the worker's surroundings). */
  userCode: boolean;
  /** FAILED maps in user code: the record (index within the split) map was given, if known. */
  failedRecord: number | null;
}

export interface TaskCounts {
  mapsTotal: number;
  mapsDone: number;
  reducesTotal: number;
  reducesDone: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  submitter TEXT NOT NULL,
  inputs TEXT NOT NULL,
  output TEXT NOT NULL,
  reducers INTEGER NOT NULL,
  params TEXT NOT NULL,
  max_attempts INTEGER NOT NULL,
  speculative INTEGER NOT NULL,
  skip_bad_records INTEGER NOT NULL,
  bundle BLOB NOT NULL,
  state TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  error_message TEXT NOT NULL,
  error_stack TEXT NOT NULL,
  error_task TEXT NOT NULL,
  cleanup_pending INTEGER NOT NULL,
  output_replication INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL REFERENCES jobs(id),
  kind TEXT NOT NULL,
  idx INTEGER NOT NULL,
  split TEXT,
  state TEXT NOT NULL,
  queued_at INTEGER NOT NULL,
  next_attempt INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  done_attempt TEXT
);
CREATE INDEX IF NOT EXISTS tasks_by_job ON tasks(job_id);
CREATE TABLE IF NOT EXISTS workers (
  n INTEGER PRIMARY KEY,
  worker_id TEXT NOT NULL,
  host TEXT NOT NULL,
  shuffle_address TEXT NOT NULL,
  UNIQUE (worker_id, host, shuffle_address)
);
CREATE TABLE IF NOT EXISTS attempts (
  job_seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  idx INTEGER NOT NULL,
  number INTEGER NOT NULL,
  state TEXT NOT NULL,
  worker INTEGER NOT NULL REFERENCES workers(n),
  queued_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL DEFAULT 0,
  data_local INTEGER NOT NULL,
  speculative INTEGER NOT NULL,
  committed INTEGER NOT NULL DEFAULT 0,
  user_code INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT '',
  error_stack TEXT NOT NULL DEFAULT '',
  counters TEXT NOT NULL DEFAULT '{}',
  partition_bytes TEXT NOT NULL DEFAULT '[]',
  failed_record INTEGER,
  PRIMARY KEY (job_seq, kind, idx, number)
) WITHOUT ROWID;
`;

const JOB_COLUMNS = `id, seq, name, submitter, inputs, output, reducers, params, max_attempts AS maxAttempts,
  speculative, skip_bad_records AS skipBadRecords, state,
  submitted_at AS submittedAt, started_at AS startedAt, finished_at AS finishedAt, error_message AS errorMessage,
  error_stack AS errorStack, error_task AS errorTask, cleanup_pending AS cleanupPending,
  output_replication AS outputReplication`;
const TASK_COLUMNS = `id, job_id AS jobId, kind, idx AS "index", split, state, queued_at AS queuedAt,
  next_attempt AS nextAttempt, failures, done_attempt AS doneAttempt`;
/** An attempt's row joined with its job's (for the job id) and its worker's. */
const ATTEMPT_COLUMNS = `jobs.id AS jobId, a.kind, a.idx AS "index", a.number, a.state, w.worker_id AS workerId,
  w.host AS workerHost, w.shuffle_address AS shuffleAddress, a.queued_at AS queuedAt, a.started_at AS startedAt,
  a.finished_at AS finishedAt, a.data_local AS dataLocal, a.error, a.error_stack AS errorStack, a.counters,
  a.partition_bytes AS partitionBytes, a.committed, a.speculative, a.user_code AS userCode, a.failed_record AS failedRecord
  FROM attempts AS a JOIN jobs ON jobs.seq = a.job_seq JOIN workers AS w ON w.n = a.worker`;

/** Rows as SQLite returns them: JSON as text, booleans as 0/1. */
type Stored<T, Json extends keyof T, Bool extends keyof T> = Omit<T, Json | Bool> & Record<Json, string> & Record<Bool, number>;
type StoredJob = Stored<JobRow, 'inputs' | 'params', 'cleanupPending' | 'speculative'>;
type StoredTask = Stored<TaskRow, never, never> & { split: string | null };
type StoredAttempt = Omit<Stored<AttemptRow, 'counters' | 'partitionBytes', 'dataLocal' | 'committed' | 'speculative' | 'userCode'>, 'id' | 'taskId'>;

const toJob = (r: StoredJob): JobRow => ({
  ...r,
  inputs: JSON.parse(r.inputs),
  params: JSON.parse(r.params),
  cleanupPending: r.cleanupPending === 1,
  speculative: r.speculative === 1,
});
const toTask = (r: StoredTask): TaskRow => ({ ...r, split: r.split === null ? null : JSON.parse(r.split) });
const toAttempt = (r: StoredAttempt): AttemptRow => ({
  ...r,
  id: attemptId(taskId(r.jobId, r.kind, r.index), r.number),
  taskId: taskId(r.jobId, r.kind, r.index),
  counters: JSON.parse(r.counters),
  partitionBytes: JSON.parse(r.partitionBytes),
  dataLocal: r.dataLocal === 1,
  committed: r.committed === 1,
  speculative: r.speculative === 1,
  userCode: r.userCode === 1,
});

/**
 * Columns added since a state dir may have been made: a master started on an older one adds
 * them (with their defaults) rather than failing on it.
 */
const ADDED_COLUMNS: ReadonlyArray<{ table: string; column: string; definition: string }> = [
  { table: 'jobs', column: 'output_replication', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

const hasColumn = (db: Database.Database, table: string, column: string) =>
  db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().some((c) => c.name === column);

function addMissingColumns(db: Database.Database): void {
  for (const { table, column, definition } of ADDED_COLUMNS) {
    if (!hasColumn(db, table, column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}

/**
 * Creates what is missing. A state dir made before attempts had their narrow row (keyed by
 * their text id, the worker's strings in each row) has its attempts copied into the new
 * table in the same transaction; the N of attempt_..._N is what follows its task id's part.
 */
function openSchema(db: Database.Database): void {
  db.transaction(() => {
    const textIds = hasColumn(db, 'attempts', 'task_id');
    if (textIds) db.exec('ALTER TABLE attempts RENAME TO attempts_by_text_id');
    db.exec(SCHEMA);
    if (!textIds) return;
    db.exec(`
      INSERT INTO workers (worker_id, host, shuffle_address)
        SELECT DISTINCT worker_id, worker_host, shuffle_address FROM attempts_by_text_id;
      INSERT INTO attempts
        SELECT jobs.seq, a.kind, a.idx, CAST(substr(a.id, length(a.task_id) + 5) AS INTEGER), a.state, w.n,
          a.queued_at, a.started_at, a.finished_at, a.data_local, a.speculative, a.committed, a.user_code,
          a.error, a.error_stack, a.counters, a.partition_bytes, a.failed_record
        FROM attempts_by_text_id AS a JOIN jobs ON jobs.id = a.job_id
          JOIN workers AS w ON (w.worker_id, w.host, w.shuffle_address) = (a.worker_id, a.worker_host, a.shuffle_address);
      DROP TABLE attempts_by_text_id;`);
  })();
}

const jobParams = (j: JobRow) => ({
  ...j,
  inputs: JSON.stringify(j.inputs),
  params: JSON.stringify(j.params),
  cleanupPending: j.cleanupPending ? 1 : 0,
  speculative: j.speculative ? 1 : 0,
});
// Tasks and attempts are written on every heartbeat: bound by position, their unchanging
// columns (a task's split, say) left out of updates, so no object or JSON is built for them.
const taskValues = (t: TaskRow) =>
  [t.id, t.jobId, t.kind, t.index, t.split === null ? null : JSON.stringify(t.split), t.state, t.queuedAt, t.nextAttempt, t.failures, t.doneAttempt];
const taskChange = (t: TaskRow) => [t.state, t.queuedAt, t.nextAttempt, t.failures, t.doneAttempt, t.id];
/** seq of job_<stamp>_<seq>. */
const seqOf = (jobId: string) => Number(jobId.slice(jobId.lastIndexOf('_') + 1));

export class JobStore {
  private readonly db: Database.Database;
  private readonly sql;
  /** One wrapper for every transaction: better-sqlite3 builds a new one per db.transaction() call. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;
  /** The workers row each worker was last seen at (n), as stored. */
  private readonly workerRows = new Map<string, { host: string; shuffleAddress: string; n: number }>();

  /** The database file (DIR/master.db). */
  readonly file: string;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'master.db');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // A heartbeat's savepoint copies each page it first changes into a sub-journal: in memory,
    // not a temp file (a microbenchmark of a heartbeat's rows, 300 heartbeats a transaction:
    // the savepoints added 14–24 µs a heartbeat through a temp file, 0–10 in memory).
    this.db.pragma('temp_store = MEMORY');
    openSchema(this.db);
    addMissingColumns(this.db);
    const db = this.db;
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
    this.sql = {
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      maxSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM jobs'),
      insertJob: db.prepare(`INSERT INTO jobs VALUES (@id, @seq, @name, @submitter, @inputs, @output, @reducers, @params,
        @maxAttempts, @speculative, @skipBadRecords, @bundle, @state, @submittedAt, @startedAt, @finishedAt, @errorMessage, @errorStack, @errorTask, @cleanupPending,
        @outputReplication)`),
      updateJob: db.prepare(`UPDATE jobs SET state = @state, started_at = @startedAt, finished_at = @finishedAt,
        error_message = @errorMessage, error_stack = @errorStack, error_task = @errorTask, cleanup_pending = @cleanupPending WHERE id = @id`),
      job: db.prepare<[string], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`),
      jobs: db.prepare<[number], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs ORDER BY seq DESC LIMIT ?`),
      jobsInState: db.prepare<[string, string], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE state IN (?, ?) ORDER BY seq`),
      jobsToClean: db.prepare<[], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE cleanup_pending = 1`),
      bundle: db.prepare<[string], { bundle: Buffer }>('SELECT bundle FROM jobs WHERE id = ?'),
      insertTask: db.prepare('INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      updateTask: db.prepare('UPDATE tasks SET state = ?, queued_at = ?, next_attempt = ?, failures = ?, done_attempt = ? WHERE id = ?'),
      tasksOf: db.prepare<[string], StoredTask>(`SELECT ${TASK_COLUMNS} FROM tasks WHERE job_id = ? ORDER BY kind, idx`),
      taskCounts: db.prepare<[string], { kind: TaskKindName; total: number }>('SELECT kind, COUNT(*) AS total FROM tasks WHERE job_id = ? GROUP BY kind'),
      // A done task has exactly one committed attempt (its output): a map's task row is not written when it succeeds.
      doneCounts: db.prepare<[number], { kind: TaskKindName; done: number }>(
        'SELECT kind, COUNT(*) AS done FROM attempts WHERE job_seq = ? AND committed = 1 GROUP BY kind',
      ),
      // A new attempt's row: what it ends with keeps the columns' defaults until it ends.
      insertAttempt: db.prepare(`INSERT INTO attempts (job_seq, kind, idx, number, state, worker, queued_at, started_at,
        finished_at, data_local, speculative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateAttempt: db.prepare(`UPDATE attempts SET state = ?, finished_at = ?, error = ?, error_stack = ?,
        counters = ?, partition_bytes = ?, committed = ?, user_code = ?, failed_record = ?
        WHERE job_seq = ? AND kind = ? AND idx = ? AND number = ?`),
      attemptsOf: db.prepare<[number], StoredAttempt>(`SELECT ${ATTEMPT_COLUMNS} WHERE a.job_seq = ? ORDER BY a.started_at, a.kind, a.idx, a.number`),
      attempt: db.prepare<[number, string, number, number], StoredAttempt>(
        `SELECT ${ATTEMPT_COLUMNS} WHERE a.job_seq = ? AND a.kind = ? AND a.idx = ? AND a.number = ?`,
      ),
      worker: db.prepare<[string, string, string], { n: number }>('SELECT n FROM workers WHERE worker_id = ? AND host = ? AND shuffle_address = ?'),
      insertWorker: db.prepare('INSERT INTO workers (worker_id, host, shuffle_address) VALUES (?, ?, ?)'),
      userCounters: db.prepare<[number], { name: string; value: number }>(
        `SELECT c.key AS name, SUM(c.value) AS value FROM attempts, json_each(attempts.counters) AS c
         WHERE attempts.job_seq = ? AND attempts.committed = 1 GROUP BY c.key`,
      ),
      engineCounters: db.prepare<[number], Record<string, number | null>>(
        `SELECT SUM(kind = 'm') AS LAUNCHED_MAPS, SUM(kind = 'r') AS LAUNCHED_REDUCES,
           SUM(kind = 'm' AND state = 'FAILED') AS FAILED_MAPS, SUM(kind = 'r' AND state = 'FAILED') AS FAILED_REDUCES,
           SUM(kind = 'm' AND data_local = 1) AS DATA_LOCAL_MAPS, SUM(speculative) AS SPECULATIVE_ATTEMPTS
         FROM attempts WHERE job_seq = ?`,
      ),
    };
  }

  /** Runs fn in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    try {
      return this.runInTransaction(fn) as T;
    } catch (err) {
      // Rolled back: workers rows it added may be gone.
      this.workerRows.clear();
      throw err;
    }
  }

  /**
   * WAL pages past which a commit checkpoints on this connection (SQLite's default: 1,000;
   * the master raises it while a thread checkpoints: see WalCheckpointer).
   */
  checkpointAfter(pages: number): void {
    this.db.pragma(`wal_autocheckpoint = ${pages}`);
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** The stamp in every id: the master's first start time, kept forever. */
  stamp(make: () => string): string {
    const stored = this.sql.getMeta.get('stamp');
    if (stored) return stored.value;
    const stamp = make();
    this.sql.setMeta.run('stamp', stamp);
    return stamp;
  }

  nextJobSeq(): number {
    return (this.sql.maxSeq.get()?.seq ?? 0) + 1;
  }

  insertJob(job: JobRow, bundle: Buffer, tasks: TaskRow[]): void {
    this.transaction(() => {
      this.sql.insertJob.run({ ...jobParams(job), bundle });
      for (const task of tasks) this.sql.insertTask.run(...taskValues(task));
    });
  }

  updateJob(job: JobRow): void {
    this.sql.updateJob.run(jobParams(job));
  }

  updateTask(task: TaskRow): void {
    this.sql.updateTask.run(...taskChange(task));
  }

  insertAttempt(a: AttemptRow): void {
    const worker = this.workerRow(a.workerId, a.workerHost, a.shuffleAddress);
    this.sql.insertAttempt.run(seqOf(a.jobId), a.kind, a.index, a.number, a.state, worker, a.queuedAt, a.startedAt, a.finishedAt, a.dataLocal ? 1 : 0, a.speculative ? 1 : 0);
  }

  updateAttempt(a: AttemptRow): void {
    this.sql.updateAttempt.run(
      a.state, a.finishedAt, a.error, a.errorStack, JSON.stringify(a.counters), JSON.stringify(a.partitionBytes), a.committed ? 1 : 0, a.userCode ? 1 : 0,
      a.failedRecord, seqOf(a.jobId), a.kind, a.index, a.number,
    );
  }

  /** n of the workers row naming this worker at this address (added if new). */
  private workerRow(workerId: string, host: string, shuffleAddress: string): number {
    const known = this.workerRows.get(workerId);
    if (known && known.host === host && known.shuffleAddress === shuffleAddress) return known.n;
    const n = this.sql.worker.get(workerId, host, shuffleAddress)?.n ?? Number(this.sql.insertWorker.run(workerId, host, shuffleAddress).lastInsertRowid);
    this.workerRows.set(workerId, { host, shuffleAddress, n });
    return n;
  }

  job(id: string): JobRow | undefined {
    const row = this.sql.job.get(id);
    return row && toJob(row);
  }

  /** Most recent first; limit 0: all. */
  jobs(limit = 0): JobRow[] {
    return this.sql.jobs.all(limit > 0 ? limit : -1).map(toJob);
  }

  /** PENDING and RUNNING jobs, in submission order. */
  activeJobs(): JobRow[] {
    return this.sql.jobsInState.all('PENDING', 'RUNNING').map(toJob);
  }

  jobsToClean(): JobRow[] {
    return this.sql.jobsToClean.all().map(toJob);
  }

  bundle(jobId: string): Buffer | undefined {
    return this.sql.bundle.get(jobId)?.bundle;
  }

  tasks(jobId: string): TaskRow[] {
    return this.sql.tasksOf.all(jobId).map(toTask);
  }

  taskCounts(jobId: string): TaskCounts {
    const counts: TaskCounts = { mapsTotal: 0, mapsDone: 0, reducesTotal: 0, reducesDone: 0 };
    for (const row of this.sql.taskCounts.all(jobId)) {
      if (row.kind === 'm') counts.mapsTotal = row.total;
      else counts.reducesTotal = row.total;
    }
    for (const row of this.sql.doneCounts.all(seqOf(jobId))) {
      if (row.kind === 'm') counts.mapsDone = row.done;
      else counts.reducesDone = row.done;
    }
    return counts;
  }

  attempts(jobId: string): AttemptRow[] {
    return this.sql.attemptsOf.all(seqOf(jobId)).map(toAttempt);
  }

  /** By its id, attempt_<stamp>_<seq>_<kind>_<index>_<N>. */
  attempt(id: string): AttemptRow | undefined {
    const [, , seq, kind, index, number] = id.split('_');
    const row = this.sql.attempt.get(Number(seq), kind ?? '', Number(index), Number(number));
    return row && toAttempt(row);
  }

  /** The committed attempts' counters summed, plus the launched/failed/data-local/speculative counts over every attempt. */
  counters(jobId: string): Record<string, number> {
    const counters: Record<string, number> = {};
    for (const { name, value } of this.sql.userCounters.all(seqOf(jobId))) counters[name] = value;
    for (const [name, value] of Object.entries(this.sql.engineCounters.get(seqOf(jobId)) ?? {})) counters[name] = value ?? 0;
    return counters;
  }

  close(): void {
    this.db.close();
  }
}
