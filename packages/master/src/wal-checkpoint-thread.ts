// The thread of WalCheckpointer: its own connection to master.db, a PASSIVE checkpoint
// every `intervalMs`. A PASSIVE checkpoint copies what it can of the WAL into the database
// file without waiting on, or blocking, the master's connection. Stops (closing its
// connection) on any message. Checkpoints go on after one fails; the thread reports when
// they start failing and when they work again.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface CheckpointThreadData {
  file: string;
  intervalMs: number;
}

/** What the thread reports: the first checkpoint that failed, or the first that worked after failures. */
export type CheckpointReport = { failed: string } | { recovered: true };

const { file, intervalMs } = workerData as CheckpointThreadData;
const port = parentPort;
if (port === null) throw new Error('wal-checkpoint-thread runs as a worker thread');

const db = new Database(file, { fileMustExist: true });
let failing = false;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    if (failing) port.postMessage({ recovered: true } satisfies CheckpointReport);
    failing = false;
  } catch (err) {
    if (!failing) port.postMessage({ failed: err instanceof Error ? err.message : String(err) } satisfies CheckpointReport);
    failing = true;
  }
}, intervalMs);

port.once('message', () => {
  clearInterval(timer);
  db.close();
  port.close();
});
