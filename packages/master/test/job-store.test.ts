// The job store: writes are applied by its thread, one batch per transaction; durable() says
// when they are on disk, a transaction that throws writes nothing of its own, and a write
// that fails fails every durable() after it.
import Database from 'better-sqlite3';
import { JobStore, type AttemptRow, type JobRow } from '../src/job-store';
import { stopAll, tempDir } from './harness';

const opened: JobStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await stopAll();
});

const STAMP = '20261201000000';

function jobRow(seq: number): JobRow {
  return {
    id: `job_${STAMP}_${String(seq).padStart(4, '0')}`, seq, name: 'test', submitter: 'test', inputs: ['/in'], output: `/out/${seq}`, reducers: 1,
    params: {}, maxAttempts: 4, speculative: true, skipBadRecords: 0, outputReplication: 0, state: 'PENDING',
    submittedAt: seq, startedAt: 0, finishedAt: 0, errorMessage: '', errorStack: '', errorTask: '', cleanupPending: false,
  };
}

function attemptRow(job: JobRow, workerId: string): AttemptRow {
  return {
    id: `attempt_${STAMP}_${String(job.seq).padStart(4, '0')}_r_000000_0`, number: 0, taskId: `task_${STAMP}_${String(job.seq).padStart(4, '0')}_r_000000`,
    jobId: job.id, kind: 'r', index: 0, state: 'ASSIGNED', workerId, workerHost: '127.0.0.1', shuffleAddress: '127.0.0.1:1',
    queuedAt: 1, startedAt: 2, finishedAt: 0, dataLocal: false, error: '', errorStack: '', counters: {}, partitionBytes: [],
    committed: false, speculative: false, userCode: false, failedRecord: null,
  };
}

/** A store closed after the test. */
function openStore(dir = tempDir()): JobStore {
  const store = new JobStore(dir);
  opened.push(store);
  return store;
}

/** What another connection (another process, say) reads of the jobs table. */
function storedStates(store: JobStore): string[] {
  const db = new Database(store.file, { readonly: true });
  try {
    return db.prepare<[], { state: string }>('SELECT state FROM jobs ORDER BY seq').all().map((r) => r.state);
  } finally {
    db.close();
  }
}

it('has a transaction on disk once durable() resolves, and reads it back', async () => {
  const store = openStore();
  const job = jobRow(store.nextJobSeq());
  store.transaction(() => {
    store.insertJob(job, Buffer.from('bundle'), []);
    store.updateJob({ ...job, state: 'RUNNING', startedAt: 5 });
  });
  await store.durable();
  expect(storedStates(store)).toEqual(['RUNNING']);
  expect(store.job(job.id)).toMatchObject({ state: 'RUNNING', startedAt: 5 });
  expect(store.nextJobSeq()).toBe(2);
});

it('drops the writes of a nested transaction that throws, keeping the rest of the outer one', async () => {
  const store = openStore();
  const job = jobRow(1);
  store.transaction(() => {
    store.insertJob(job, Buffer.from('bundle'), []);
    expect(() =>
      store.transaction(() => {
        store.updateJob({ ...job, state: 'RUNNING' });
        throw new Error('heartbeat failed');
      }),
    ).toThrow('heartbeat failed');
  });
  await store.durable();
  expect(storedStates(store)).toEqual(['PENDING']);
});

it('does not refer to a workers row whose transaction was dropped', async () => {
  const store = openStore();
  const job = jobRow(1);
  store.insertJob(job, Buffer.from('bundle'), []);
  expect(() =>
    store.transaction(() => {
      store.insertAttempt(attemptRow(job, 'new-worker'));
      throw new Error('dropped');
    }),
  ).toThrow('dropped');
  store.insertAttempt(attemptRow(job, 'new-worker'));
  await store.durable();
  expect(store.attempts(job.id)).toEqual([expect.objectContaining({ workerId: 'new-worker', state: 'ASSIGNED' })]);
});

it('fails durable() from the first write that fails on, naming it, and stays readable', async () => {
  const store = openStore();
  const job = jobRow(1);
  store.insertJob(job, Buffer.from('bundle'), []);
  await store.durable();
  store.insertJob(job, Buffer.from('again'), []); // the same id and seq: the insert fails
  await expect(store.durable()).rejects.toThrow(/job store .*master\.db: a write failed: UNIQUE constraint failed/);
  store.updateJob({ ...job, state: 'RUNNING' });
  await expect(store.durable()).rejects.toThrow(/a write failed/);
  expect(store.job(job.id)).toMatchObject({ state: 'PENDING' });
});

it('commits what was written before close() before closing', async () => {
  const dir = tempDir();
  const store = new JobStore(dir);
  for (let seq = 1; seq <= 50; seq++) store.insertJob(jobRow(seq), Buffer.alloc(64 << 10, seq), []);
  await store.close();
  const reopened = openStore(dir);
  expect(reopened.jobs().length).toBe(50);
  expect(reopened.nextJobSeq()).toBe(51);
});
