// Speculative execution: a straggler near the end of a phase gets one backup attempt on
// another worker; the first attempt to succeed is committed, the other is killed, and a
// task never has two committed outputs.
import { FakeWorker, sleep, startMiniDfs, startTestMaster, stopAll, submit, waitForState, writeInput, type MiniDfs, type TestMaster } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;
let m: TestMaster;

/** A backup needs the straggler to have run this long (its peers finish at once). */
const MIN_RUNTIME_MS = 300;

beforeEach(async () => {
  dfs = await startMiniDfs(2);
  // A long worker timeout: the straggler's worker must not be lost while the test waits.
  m = await startTestMaster(dfs, { workerTimeout: '10s', speculativeMinRuntime: `${MIN_RUNTIME_MS}ms` });
  await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 3 * 4096);
});

/** w0 gets the job's three maps, finishes two and sits on the first; returns it once it is a straggler. */
async function straggling(w0: FakeWorker, options: { noSpeculation?: boolean } = {}) {
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', ...options });
  const [slow, ...fast] = await w0.heartbeat(3);
  expect(fast).toHaveLength(2);
  for (const map of fast) await w0.succeed(dfs.dfs, map);
  await w0.heartbeat(0);
  await sleep(2 * MIN_RUNTIME_MS);
  // Never a backup on the straggler's own worker.
  expect(await w0.heartbeat(2)).toEqual([]);
  return { jobId, slow: slow! };
}

async function committedAttempts(jobId: string) {
  const { attempts } = await m.client.GetJobHistory({ jobId });
  return attempts.filter((a) => a.committed).map((a) => a.attemptId);
}

it('backs up a straggler on another worker; the backup finishes first, is committed, and the original is killed', async () => {
  const w0 = new FakeWorker(m.worker, 'w0', dfs.datanodeIds[0]);
  const w1 = new FakeWorker(m.worker, 'w1', dfs.datanodeIds[1]);
  const { jobId, slow } = await straggling(w0);

  const [backup] = await w1.heartbeat(2);
  expect(backup).toMatchObject({ type: 'MAP', taskIndex: slow.taskIndex, attemptId: slow.attemptId.replace(/_0$/, '_1') });
  // One backup per task: the other slot gets nothing.
  expect(w1.assigned).toHaveLength(1);
  await w1.succeed(dfs.dfs, backup!);
  await w1.heartbeat(0);
  await w0.heartbeat(0); // still lists the original as running
  expect(w0.killed).toEqual([slow.attemptId]);

  const status = await waitForState(m.client, jobId, 'SUCCEEDED');
  expect(status.counters).toMatchObject({ SPECULATIVE_ATTEMPTS: 1, LAUNCHED_MAPS: 4, FAILED_MAPS: 0 });
  const { attempts } = await m.client.GetJobHistory({ jobId });
  expect(attempts.find((a) => a.attemptId === backup!.attemptId)).toMatchObject({ speculative: true, committed: true, workerId: 'w1' });
  expect(attempts.find((a) => a.attemptId === slow.attemptId)).toMatchObject({
    speculative: false,
    state: 'KILLED',
    committed: false,
    error: `superseded by ${backup!.attemptId}`,
  });
  expect(await committedAttempts(jobId)).toHaveLength(3);
  const part = `/out/part-m-${String(slow.taskIndex).padStart(5, '0')}`;
  expect((await dfs.dfs.readFile(part)).toString()).toBe(`${backup!.attemptId}\n`);
});

it('commits the original when it finishes first; the backup, though it succeeds too, is killed and its output discarded', async () => {
  const w0 = new FakeWorker(m.worker, 'w0', dfs.datanodeIds[0]);
  const w1 = new FakeWorker(m.worker, 'w1', dfs.datanodeIds[1]);
  const { jobId, slow } = await straggling(w0);
  const [backup] = await w1.heartbeat(1);
  expect(backup!.taskIndex).toBe(slow.taskIndex);

  // Both succeed; the original is reported first.
  await w0.succeed(dfs.dfs, slow);
  await w1.succeed(dfs.dfs, backup!);
  await w0.heartbeat(0);
  await w1.heartbeat(0);
  expect(w1.killed).toEqual([backup!.attemptId]);

  await waitForState(m.client, jobId, 'SUCCEEDED');
  const { attempts } = await m.client.GetJobHistory({ jobId });
  expect(attempts.find((a) => a.attemptId === backup!.attemptId)).toMatchObject({ speculative: true, state: 'KILLED', committed: false });
  expect(await committedAttempts(jobId)).toContain(slow.attemptId);
  expect(await committedAttempts(jobId)).toHaveLength(3);
  const part = `/out/part-m-${String(slow.taskIndex).padStart(5, '0')}`;
  expect((await dfs.dfs.readFile(part)).toString()).toBe(`${slow.attemptId}\n`);
  expect((await dfs.dfs.list('/out')).map((f) => f.path).sort()).toEqual([
    '/out/_SUCCESS',
    '/out/part-m-00000',
    '/out/part-m-00001',
    '/out/part-m-00002',
  ]);
});

it('backs up a straggling reduce once the other reduces are done', async () => {
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 2 });
  const w0 = new FakeWorker(m.worker, 'w0', dfs.datanodeIds[0]);
  const w1 = new FakeWorker(m.worker, 'w1', dfs.datanodeIds[1]);
  for (const map of await w0.heartbeat(3)) await w0.succeed(dfs.dfs, map);
  const [slow, fast] = await w0.heartbeat(2);
  expect([slow!.type, fast!.type]).toEqual(['REDUCE', 'REDUCE']);
  await w0.succeed(dfs.dfs, fast!);
  await w0.heartbeat(0);
  const [backup] = await w1.take(1);
  expect(backup).toMatchObject({ type: 'REDUCE', taskIndex: slow!.taskIndex });
  expect(backup!.mapOutputs).toEqual(slow!.mapOutputs);
  await w1.succeed(dfs.dfs, backup!);
  await w1.heartbeat(0);
  await w0.heartbeat(0);
  expect(w0.killed).toEqual([slow!.attemptId]);
  const status = await waitForState(m.client, jobId, 'SUCCEEDED');
  expect(status.counters).toMatchObject({ SPECULATIVE_ATTEMPTS: 1, LAUNCHED_REDUCES: 3 });
});

it('gives no backup to a job that turned speculation off', async () => {
  const w0 = new FakeWorker(m.worker, 'w0', dfs.datanodeIds[0]);
  const w1 = new FakeWorker(m.worker, 'w1', dfs.datanodeIds[1]);
  const { jobId } = await straggling(w0, { noSpeculation: true });
  expect(await w1.heartbeat(2)).toEqual([]);
  expect((await m.client.GetJobStatus({ jobId })).spec).toMatchObject({ noSpeculation: true });
});

it('lets the backup carry on when the original fails: the task is not queued again', async () => {
  const w0 = new FakeWorker(m.worker, 'w0', dfs.datanodeIds[0]);
  const w1 = new FakeWorker(m.worker, 'w1', dfs.datanodeIds[1]);
  const { jobId, slow } = await straggling(w0);
  const [backup] = await w1.heartbeat(1);
  w0.finish(slow.attemptId, { state: 'FAILED', error: 'map threw', userCode: true });
  expect(await w0.heartbeat(2)).toEqual([]);
  expect(await w1.heartbeat(1)).toEqual([]);
  await w1.succeed(dfs.dfs, backup!);
  await w1.heartbeat(0);
  const status = await waitForState(m.client, jobId, 'SUCCEEDED');
  expect(status.counters).toMatchObject({ FAILED_MAPS: 1, LAUNCHED_MAPS: 4, SPECULATIVE_ATTEMPTS: 1 });
});
