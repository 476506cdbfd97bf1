// A job tracker whose store has failed a write: its memory is ahead of the store, so it
// answers no heartbeat and accepts no job from then on, each refusal naming the failure,
// and what was committed before stays readable. (The DFS side is a no-op committer: no
// commit is reached here.)
import { silentLogger, type InputSplit__Output } from '@tsmr/common';
import { JobStore } from '../src/job-store';
import { JobTracker, type WorkerStatus } from '../src/job-tracker';
import type { Submission } from '../src/job-spec';
import type { OutputCommitter } from '../src/output-committer';
import { Scheduler } from '../src/scheduler';
import { Speculator } from '../src/speculator';
import { WorkerRegistry } from '../src/worker-registry';
import { stopAll, tempDir } from './harness';

let store: JobStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await stopAll();
});

const noDfs = { setupJob: async () => {}, abortJob: async () => {}, commitTask: async () => {}, commitJob: async () => {}, abortTask: async () => {} };

const submission = (output: string): Submission => ({
  name: 'test', submitter: 'test', inputs: ['/in'], output, reducers: 1, params: {}, maxAttempts: 4,
  speculative: false, skipBadRecords: 0, outputReplication: 0, bundle: Buffer.from('bundle'),
});
const split: InputSplit__Output = { path: '/in/a', offset: 0, length: 10, fileLength: 10, hosts: [] };
const worker: WorkerStatus = { workerId: 'w1', shuffleAddress: '127.0.0.1:1', datanodeId: '', host: '127.0.0.1', freeSlots: 1, reports: [] };

it('answers no heartbeat and accepts no job once a write has failed, naming it', async () => {
  store = new JobStore(tempDir());
  const log = silentLogger();
  const tracker = new JobTracker(
    {
      store,
      committer: noDfs as unknown as OutputCommitter,
      workers: new WorkerRegistry(60_000, log),
      scheduler: new Scheduler(0, new Speculator({ slowness: 2, minRuntimeMs: 60_000 })),
      workerTimeoutMs: 60_000,
      maxTaskFailuresPerWorker: 4,
      log,
    },
    Date.now(),
  );
  tracker.recover(Date.now());
  const jobId = await tracker.submit(submission('/out/1'), [split]);
  const [ok] = await tracker.heartbeats([worker], Date.now());
  expect(ok).toEqual({ value: expect.objectContaining({ assignments: [expect.objectContaining({ jobId, type: 'MAP' })] }) });

  // A write that fails in the store's thread: the same job row again.
  store.insertJob(store.job(jobId)!, Buffer.from('again'), []);
  await expect(tracker.heartbeats([worker], Date.now())).rejects.toThrow(/job store .*: a write failed: UNIQUE constraint failed/);
  await expect(tracker.submit(submission('/out/2'), [split])).rejects.toThrow(/a write failed/);
  expect(store.jobs().map((job) => job.id)).toEqual([jobId]);
  expect(store.attempts(jobId)).toEqual([expect.objectContaining({ state: 'ASSIGNED', workerId: 'w1' })]);
});
