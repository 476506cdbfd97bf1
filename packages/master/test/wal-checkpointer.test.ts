// The job store's WAL is checkpointed by WalCheckpointer's thread, not by the store's writing
// connection (which waits for BACKSTOP_CHECKPOINT_PAGES), and starts over once it has been.
import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '@tsmr/common';
import { JobStore, type JobRow } from '../src/job-store';
import { BACKSTOP_CHECKPOINT_PAGES, DEFAULT_CHECKPOINT_PAGES, WalCheckpointer } from '../src/wal-checkpointer';
import { eventually, stopAll, tempDir } from './harness';

afterEach(stopAll);

const MB = 1 << 20;
const sizeOf = (file: string) => fs.statSync(file).size;

/** A store whose writing connection checkpoints only past the backstop, as the master's does; jobs of 1 MiB bundles written through it. */
function storeWithBackstop() {
  const store = new JobStore(tempDir());
  store.checkpointAfter(BACKSTOP_CHECKPOINT_PAGES);
  let seq = 0;
  const addJobs = async (n: number) => {
    for (let i = 0; i < n; i++) {
      seq++;
      const row: JobRow = {
        id: `job_20261201000000_${seq}`, seq, name: 'big-bundle', submitter: 'test', inputs: ['/in'], output: `/out/${seq}`, reducers: 1,
        params: {}, maxAttempts: 4, speculative: true, skipBadRecords: 0, outputReplication: 0, state: 'PENDING',
        submittedAt: seq, startedAt: 0, finishedAt: 0, errorMessage: '', errorStack: '', errorTask: '', cleanupPending: false,
      };
      store.insertJob(row, Buffer.alloc(MB, seq), []);
    }
    await store.durable();
  };
  return { store, addJobs, wal: `${store.file}-wal` };
}

test('the WAL is copied into master.db by the thread, and then starts over instead of growing', async () => {
  const { store, addJobs, wal } = storeWithBackstop();
  try {
    await addJobs(16);
    // Under the master's backstop (64 MiB), its writing connection copies nothing into master.db by itself.
    expect(sizeOf(store.file)).toBeLessThan(MB);
    expect(sizeOf(wal)).toBeGreaterThan(16 * MB);

    const checkpointer = new WalCheckpointer(store, silentLogger(), 20);
    try {
      await eventually('the WAL checkpointed into master.db', () => sizeOf(store.file) >= 16 * MB);
      // Once a checkpoint has caught up, the next commit writes from the WAL's beginning:
      // the file stops growing.
      await eventually('the WAL started over', async () => {
        const before = sizeOf(wal);
        await addJobs(1);
        return sizeOf(wal) === before;
      });
      const walSize = sizeOf(wal);
      await addJobs(8);
      expect(sizeOf(wal)).toBe(walSize); // 8 MiB more went over the old frames, not after them
      await eventually('the later jobs checkpointed', () => sizeOf(store.file) >= 24 * MB);
    } finally {
      await checkpointer.stop();
    }
    expect(store.jobs().length).toBeGreaterThanOrEqual(25);
    // Buffer.equals: jest's toEqual compares a 1 MiB buffer byte by byte, for seconds.
    expect(store.bundle('job_20261201000000_16')?.equals(Buffer.alloc(MB, 16))).toBe(true);
  } finally {
    await store.close();
  }
});

test('stop() ends the thread with its connection closed, so the last connection to close removes the WAL', async () => {
  const { store, addJobs, wal } = storeWithBackstop();
  const checkpointer = new WalCheckpointer(store, silentLogger(), 20);
  await addJobs(2);
  await eventually('a checkpoint', () => sizeOf(store.file) >= 2 * MB);
  await checkpointer.stop();
  await store.close();
  expect(fs.existsSync(wal)).toBe(false);
});

test('a thread that cannot open the database dies, and the store goes back to checkpointing by itself', async () => {
  const pages: number[] = [];
  const store = { file: path.join(tempDir(), 'missing.db'), checkpointAfter: (n: number) => pages.push(n) };
  const checkpointer = new WalCheckpointer(store, silentLogger(), 20);
  await eventually('the thread to die', () => pages.length === 2);
  await checkpointer.stop(); // after its death: returns at once
  expect(pages).toEqual([BACKSTOP_CHECKPOINT_PAGES, DEFAULT_CHECKPOINT_PAGES]);
});
