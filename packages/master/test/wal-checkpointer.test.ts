// The job store's WAL is checkpointed by WalCheckpointer's thread, not by the master's
// connection (which waits for BACKSTOP_CHECKPOINT_PAGES), and starts over once it has been.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { silentLogger } from '@tsmr/common';
import { JobStore } from '../src/job-store';
import { BACKSTOP_CHECKPOINT_PAGES, WalCheckpointer } from '../src/wal-checkpointer';
import { eventually, sleep, stopAll, tempDir } from './harness';

afterEach(stopAll);

const MB = 1 << 20;
const sizeOf = (file: string) => fs.statSync(file).size;

test('the WAL is copied into master.db by the thread, and then starts over instead of growing', async () => {
  const store = new JobStore(tempDir(), { checkpointPages: BACKSTOP_CHECKPOINT_PAGES });
  // Another connection writes, one transaction per MiB, checkpointing nothing itself.
  const db = new Database(store.file);
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE blobs (b BLOB)');
  const insert = db.prepare('INSERT INTO blobs VALUES (?)');
  const write = (mib: number, fill: number) => {
    for (let i = 0; i < mib; i++) insert.run(Buffer.alloc(MB, fill));
  };
  const wal = `${store.file}-wal`;
  try {
    write(16, 1);
    // Under the master's backstop (64 MiB), nothing reaches master.db by itself.
    expect(sizeOf(store.file)).toBeLessThan(MB);
    const walSize = sizeOf(wal);
    expect(walSize).toBeGreaterThan(16 * MB);

    const checkpointer = new WalCheckpointer(store.file, silentLogger(), 20);
    try {
      await eventually('the WAL checkpointed into master.db', () => sizeOf(store.file) >= 16 * MB);
      await sleep(200); // a few more intervals: the checkpoint has caught up with every frame
      write(16, 2);
      // The second 16 MiB went over the first ones in the WAL file, not after them.
      expect(sizeOf(wal)).toBeLessThan(walSize + 2 * MB);
      await eventually('the second writes checkpointed', () => sizeOf(store.file) >= 32 * MB);
    } finally {
      await checkpointer.stop();
    }
    const rows = db.prepare<[], { fill: number; n: number }>('SELECT unicode(substr(b, 1, 1)) AS fill, COUNT(*) AS n FROM blobs GROUP BY 1 ORDER BY 1').all();
    expect(rows).toEqual([
      { fill: 1, n: 16 },
      { fill: 2, n: 16 },
    ]);
  } finally {
    db.close();
    store.close();
  }
});

test('stop() ends the thread with its connection closed, so the last connection to close removes the WAL', async () => {
  const store = new JobStore(tempDir(), { checkpointPages: BACKSTOP_CHECKPOINT_PAGES });
  const checkpointer = new WalCheckpointer(store.file, silentLogger(), 20);
  await sleep(100);
  await checkpointer.stop();
  store.close();
  expect(fs.existsSync(`${store.file}-wal`)).toBe(false);
});
