// The master's memory across restarts (DIR/master.db, SQLite in WAL mode): jobs with their
// bundles, tasks, and every attempt with its queued/started/finished times. The job
// tracker changes them in one transaction per event (a heartbeat, a commit, a kill), so a
// crash never leaves half of one. Job counters are derived from the attempts, not stored.
//
// Reads run here, on the master's connection; writes are collected per transaction and
// applied by a thread (JobStoreWriter), so a read sees what is committed, and durable() says
// when the writes made so far are. Nothing the master reads depends on its own uncommitted
// writes: the next job seq and the workers rows' numbers are kept in memory.
//
// Attempts are the rows a busy master writes most (one per assignment, changed when it
// ends), so their row is narrow: keyed by integers (the job's seq, the task's kind and
// index, the attempt's number) from which the ids are rebuilt, and naming the worker by a
// row of `workers`. Measured: inserting one took 5.5 µs with the text ids and worker
// strings in the row (and two indexes on text), 1.1 µs as a narrow integer-keyed row.
import { attemptId, taskId, type InputSplit__Output, type JobState__Output, type Logger } from '@tsmr/common';
import type { Submission } from './job-spec';
import type { StoreOp } from './job-store-writer-thread';
import { JobStoreWriter } from './job-store-writer';
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
  private readonly writer: JobStoreWriter;
  /** The writes of the transaction under way, sent to the writer when it ends. */
  private batch: StoreOp[] = [];
  private depth = 0;
  private lastSeq: number;
  private storedStamp: string | undefined;
  /** n of every workers row, by worker id, host and shuffle address (see workerKey). */
  private readonly workerNs = new Map<string, number>();
  private lastWorkerN: number;
  /** Keys of the workers rows the transaction under way added: a rollback forgets them. */
  private workersAdded: string[] = [];
  /** The workers row each worker was last seen at, so that a heartbeat's attempts need no key built. */
  private readonly lastWorkerRow = new Map<string, { host: string; shuffleAddress: string; n: number }>();

  /** The database file (DIR/master.db). */
  readonly file: string;

  constructor(dir: string, log?: Logger) {
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'master.db');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    openSchema(this.db);
    addMissingColumns(this.db);
    const db = this.db;
    this.sql = {
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      maxSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM jobs'),
      job: db.prepare<[string], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = ?`),
      jobs: db.prepare<[number], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs ORDER BY seq DESC LIMIT ?`),
      jobsInState: db.prepare<[string, string], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE state IN (?, ?) ORDER BY seq`),
      jobsToClean: db.prepare<[], StoredJob>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE cleanup_pending = 1`),
      bundle: db.prepare<[string], { bundle: Buffer }>('SELECT bundle FROM jobs WHERE id = ?'),
      tasksOf: db.prepare<[string], StoredTask>(`SELECT ${TASK_COLUMNS} FROM tasks WHERE job_id = ? ORDER BY kind, idx`),
      taskCounts: db.prepare<[string], { kind: TaskKindName; total: number }>('SELECT kind, COUNT(*) AS total FROM tasks WHERE job_id = ? GROUP BY kind'),
      // A done task has exactly one committed attempt (its output): a map's task row is not written when it succeeds.
      doneCounts: db.prepare<[number], { kind: TaskKindName; done: number }>(
        'SELECT kind, COUNT(*) AS done FROM attempts WHERE job_seq = ? AND committed = 1 GROUP BY kind',
      ),
      attemptsOf: db.prepare<[number], StoredAttempt>(`SELECT ${ATTEMPT_COLUMNS} WHERE a.job_seq = ? ORDER BY a.started_at, a.kind, a.idx, a.number`),
      attempt: db.prepare<[number, string, number, number], StoredAttempt>(
        `SELECT ${ATTEMPT_COLUMNS} WHERE a.job_seq = ? AND a.kind = ? AND a.idx = ? AND a.number = ?`,
      ),
      workers: db.prepare<[], { n: number; workerId: string; host: string; shuffleAddress: string }>(
        'SELECT n, worker_id AS workerId, host, shuffle_address AS shuffleAddress FROM workers',
      ),
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
    this.lastSeq = this.sql.maxSeq.get()?.seq ?? 0;
    this.lastWorkerN = 0;
    for (const { n, workerId, host, shuffleAddress } of this.sql.workers.all()) {
      this.workerNs.set(workerKey(workerId, host, shuffleAddress), n);
      this.lastWorkerN = Math.max(this.lastWorkerN, n);
    }
    this.writer = new JobStoreWriter(this.file, log);
  }

  /**
   * Runs fn as one transaction: its writes are sent together once the outermost one ends.
   * Nested in another, it is a savepoint: if fn throws, its own writes are dropped and the
   * outer transaction goes on.
   */
  transaction<T>(fn: () => T): T {
    const writes = this.batch.length;
    const workersAdded = this.workersAdded.length;
    this.depth++;
    try {
      return fn();
    } catch (err) {
      this.batch.length = writes;
      for (const key of this.workersAdded.splice(workersAdded)) this.workerNs.delete(key);
      this.lastWorkerRow.clear();
      throw err;
    } finally {
      if (--this.depth === 0) this.send();
    }
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /**
   * WAL pages past which a commit checkpoints on the writer's connection (SQLite's default:
   * 1,000; the master raises it while a thread checkpoints: see WalCheckpointer).
   */
  checkpointAfter(pages: number): void {
    this.writer.checkpointAfter(pages);
  }

  /** Resolves once every write made so far is committed; rejects, from then on, once one has failed. */
  durable(): Promise<void> {
    return this.writer.durable();
  }

  /** The stamp in every id: the master's first start time, kept forever. */
  stamp(make: () => string): string {
    this.storedStamp ??= this.sql.getMeta.get('stamp')?.value;
    if (this.storedStamp === undefined) {
      this.storedStamp = make();
      this.write(['setMeta', 'stamp', this.storedStamp]);
    }
    return this.storedStamp;
  }

  nextJobSeq(): number {
    return this.lastSeq + 1;
  }

  insertJob(job: JobRow, bundle: Buffer, tasks: TaskRow[]): void {
    this.transaction(() => {
      this.write(['insertJob', { ...jobParams(job), bundle }]);
      for (const task of tasks) this.write(['insertTask', ...taskValues(task)]);
      this.lastSeq = Math.max(this.lastSeq, job.seq);
    });
  }

  updateJob(job: JobRow): void {
    this.write(['updateJob', jobParams(job)]);
  }

  updateTask(task: TaskRow): void {
    this.write(['updateTask', ...taskChange(task)]);
  }

  insertAttempt(a: AttemptRow): void {
    const worker = this.workerRow(a.workerId, a.workerHost, a.shuffleAddress);
    this.write(['insertAttempt', seqOf(a.jobId), a.kind, a.index, a.number, a.state, worker, a.queuedAt, a.startedAt, a.finishedAt, a.dataLocal ? 1 : 0, a.speculative ? 1 : 0]);
  }

  updateAttempt(a: AttemptRow): void {
    this.write([
      'updateAttempt',
      a.state, a.finishedAt, a.error, a.errorStack, JSON.stringify(a.counters), JSON.stringify(a.partitionBytes), a.committed ? 1 : 0, a.userCode ? 1 : 0,
      a.failedRecord, seqOf(a.jobId), a.kind, a.index, a.number,
    ]);
  }

  /** Outside a transaction, a write is a transaction of its own. */
  private write(op: StoreOp): void {
    this.batch.push(op);
    if (this.depth === 0) this.send();
  }

  private send(): void {
    this.workersAdded = [];
    if (this.batch.length === 0) return;
    this.writer.send(this.batch);
    this.batch = [];
  }

  /** n of the workers row naming this worker at this address (added if new). */
  private workerRow(workerId: string, host: string, shuffleAddress: string): number {
    const last = this.lastWorkerRow.get(workerId);
    if (last && last.host === host && last.shuffleAddress === shuffleAddress) return last.n;
    const key = workerKey(workerId, host, shuffleAddress);
    let n = this.workerNs.get(key);
    if (n === undefined) {
      n = ++this.lastWorkerN;
      this.workerNs.set(key, n);
      this.workersAdded.push(key);
      this.write(['insertWorker', n, workerId, host, shuffleAddress]);
    }
    this.lastWorkerRow.set(workerId, { host, shuffleAddress, n });
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

  /** Closes the store once the writes made so far are committed (or have failed). */
  async close(): Promise<void> {
    this.send();
    await this.writer.close();
    this.db.close();
  }
}

const workerKey = (workerId: string, host: string, shuffleAddress: string) => `${workerId}\n${host}\n${shuffleAddress}`;
