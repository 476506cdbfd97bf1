// The thread of JobStoreWriter: the job store's only writing connection to master.db. It
// applies each batch of writes the master sends in one transaction (batches already waiting
// when one arrives join it) and answers with the last batch committed, or with the first
// write that failed, after which it applies nothing more. Its connection checkpoints the WAL
// only past what `checkpointAfter` last set (see WalCheckpointer: a checkpoint here would hold
// up every batch behind it). Stops on the message 'close', once the batches sent before it
// are committed.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** A write: the name of one of the statements below, then its parameters. */
export type StoreOp =
  | ['setMeta', string, string]
  | ['insertJob', Record<string, unknown>]
  | ['updateJob', Record<string, unknown>]
  | ['insertTask', ...unknown[]]
  | ['updateTask', ...unknown[]]
  | ['insertWorker', number, string, string, string]
  | ['insertAttempt', ...unknown[]]
  | ['updateAttempt', ...unknown[]];

export interface StoreBatch {
  seq: number;
  ops: StoreOp[];
}

/** What the master sends the thread, in order. */
export type StoreMessage = StoreBatch | { checkpointAfter: number } | 'close';

/** What the thread answers: every batch up to `committed` is durable, or batch `failed` (and none after it) was not. */
export type StoreReport = { committed: number } | { failed: number; error: string };

export interface StoreWriterThreadData {
  file: string;
}

const STATEMENTS: Record<StoreOp[0], string> = {
  setMeta: 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  insertJob: `INSERT INTO jobs VALUES (@id, @seq, @name, @submitter, @inputs, @output, @reducers, @params,
    @maxAttempts, @speculative, @skipBadRecords, @bundle, @state, @submittedAt, @startedAt, @finishedAt, @errorMessage, @errorStack, @errorTask, @cleanupPending,
    @outputReplication)`,
  updateJob: `UPDATE jobs SET state = @state, started_at = @startedAt, finished_at = @finishedAt,
    error_message = @errorMessage, error_stack = @errorStack, error_task = @errorTask, cleanup_pending = @cleanupPending WHERE id = @id`,
  insertTask: 'INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  updateTask: 'UPDATE tasks SET state = ?, queued_at = ?, next_attempt = ?, failures = ?, done_attempt = ? WHERE id = ?',
  insertWorker: 'INSERT INTO workers (n, worker_id, host, shuffle_address) VALUES (?, ?, ?, ?)',
  // A new attempt's row: what it ends with keeps the columns' defaults until it ends.
  insertAttempt: `INSERT INTO attempts (job_seq, kind, idx, number, state, worker, queued_at, started_at,
    finished_at, data_local, speculative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  updateAttempt: `UPDATE attempts SET state = ?, finished_at = ?, error = ?, error_stack = ?,
    counters = ?, partition_bytes = ?, committed = ?, user_code = ?, failed_record = ?
    WHERE job_seq = ? AND kind = ? AND idx = ? AND number = ?`,
};

const { file } = workerData as StoreWriterThreadData;
if (parentPort === null) throw new Error('job-store-writer-thread runs as a worker thread');
const port: MessagePort = parentPort;

const db = new Database(file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const statements = Object.fromEntries(Object.entries(STATEMENTS).map(([name, sql]) => [name, db.prepare(sql)])) as Record<
  StoreOp[0],
  Database.Statement
>;
const commit = db.transaction((batches: StoreBatch[]) => {
  for (const { ops } of batches) for (const [name, ...params] of ops) statements[name].run(...params);
});
let failed = false;

port.on('message', (message: StoreMessage) => {
  const batches: StoreBatch[] = [];
  let closing = false;
  // Batches already waiting join this one's transaction.
  for (let next: StoreMessage | undefined = message; next !== undefined; next = closing ? undefined : receiveMessageOnPort(port)?.message) {
    if (next === 'close') closing = true;
    else if ('checkpointAfter' in next) db.pragma(`wal_autocheckpoint = ${next.checkpointAfter}`);
    else batches.push(next);
  }
  if (batches.length > 0 && !failed) apply(batches);
  if (closing) {
    db.close();
    port.close();
  }
});

function apply(batches: StoreBatch[]): void {
  try {
    commit(batches);
    port.postMessage({ committed: batches[batches.length - 1]!.seq } satisfies StoreReport);
  } catch (err) {
    failed = true;
    port.postMessage({ failed: batches[0]!.seq, error: err instanceof Error ? err.message : String(err) } satisfies StoreReport);
  }
}
