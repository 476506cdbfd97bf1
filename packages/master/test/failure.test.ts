// Failed attempts and their retries, a job that fails, a killed job, a lost worker, and a
// reduce that cannot fetch a map's output.
import { FakeWorker, eventually, runJob, startMiniDfs, startTestMaster, stopAll, submit, waitForState, writeInput, type MiniDfs, type TestMaster } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;
let m: TestMaster;

beforeEach(async () => {
  dfs = await startMiniDfs(2);
  m = await startTestMaster(dfs);
});

it('retries a failed attempt on another worker, then fails the job with the last error, killing its attempts and deleting its output', async () => {
  const [dn0, dn1] = dfs.datanodeIds as [string, string];
  await writeInput(dfs.clientOn(dn0), '/in/a.txt', 2 * 4096);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1, maxAttempts: 3 });
  const w0 = new FakeWorker(m.worker, 'w0', dn0);
  const w1 = new FakeWorker(m.worker, 'w1', dn1);
  const [bad, other] = await w0.heartbeat(2);
  await w1.heartbeat(0);

  w0.finish(bad!.attemptId, { state: 'FAILED', error: 'boom 1', errorStack: 'Error: boom 1\n    at map (job.js:1:1)' });
  // The task failed on w0: it goes to w1 (once the locality delay allows), not back to w0.
  expect(await w0.heartbeat(2)).toEqual([]);
  const [retry] = await w1.take(1);
  expect(retry).toMatchObject({ type: 'MAP', taskIndex: bad!.taskIndex, attemptId: bad!.attemptId.replace(/_0$/, '_1') });
  w1.finish(retry!.attemptId, { state: 'FAILED', error: 'boom 2', errorStack: 'Error: boom 2\n    at map (job.js:1:1)' });
  await w1.heartbeat(0);
  // Failed on every live worker: it may go back to one.
  const [third] = await w0.take(1);
  expect(third!.attemptId).toMatch(/_2$/);
  w0.finish(third!.attemptId, { state: 'FAILED', error: 'boom 3', errorStack: 'Error: boom 3\n    at map (job.js:1:1)' });
  await w0.heartbeat(0);

  const status = await waitForState(m.client, jobId, 'FAILED');
  expect(status.error).toEqual({ message: 'boom 3', stack: 'Error: boom 3\n    at map (job.js:1:1)', taskId: bad!.attemptId.replace(/^attempt/, 'task').replace(/_0$/, '') });
  expect(status.finishedAt).toBeGreaterThan(0);
  expect(status.counters).toMatchObject({ FAILED_MAPS: 3, LAUNCHED_MAPS: 4 });
  await eventually('output deleted', async () => !(await dfs.dfs.exists('/out')));
  // The other map, still running, is killed at its worker's next heartbeat.
  await w0.heartbeat(0);
  expect(w0.killed).toEqual([other!.attemptId]);
  const attempts = (await m.client.GetJobHistory({ jobId })).attempts;
  expect(attempts.find((a) => a.attemptId === other!.attemptId)).toMatchObject({ state: 'KILLED', error: 'job failed' });
  expect(attempts.find((a) => a.attemptId === bad!.attemptId)).toMatchObject({ state: 'FAILED', error: 'boom 1', workerId: 'w0' });
  // The same command can run again.
  await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 });
});

it('kills a job: KILLED, its attempts killed, its output deleted; killing it again changes nothing', async () => {
  await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 100);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 });
  const w = new FakeWorker(m.worker, 'w', dfs.datanodeIds[0]);
  const [map] = await w.heartbeat(1);
  const killed = await m.client.KillJob({ jobId });
  expect(killed).toMatchObject({ state: 'KILLED', error: null });
  expect(killed.finishedAt).toBeGreaterThan(0);
  await w.heartbeat(1);
  expect(w.killed).toEqual([map!.attemptId]);
  expect(w.assigned).toHaveLength(1);
  await eventually('output deleted', async () => !(await dfs.dfs.exists('/out')));
  expect(await m.client.KillJob({ jobId })).toMatchObject({ state: 'KILLED', finishedAt: killed.finishedAt });
});

it('re-runs the attempts and map outputs of a lost worker without counting failures', async () => {
  const [dn0, dn1] = dfs.datanodeIds as [string, string];
  await writeInput(dfs.clientOn(dn0), '/in/a.txt', 2 * 4096);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 });
  const lost = new FakeWorker(m.worker, 'lost', dn0);
  const [done, running] = await lost.heartbeat(2);
  await lost.succeed(dfs.dfs, done!);
  await lost.heartbeat(0);
  expect(await m.client.GetJobStatus({ jobId })).toMatchObject({ mapsDone: 1 });

  // 'lost' stops heartbeating: after the worker timeout both maps run again elsewhere.
  const survivor = new FakeWorker(m.worker, 'survivor', dn1);
  await eventually('maps re-queued', async () => (await m.client.GetJobStatus({ jobId })).mapsDone === 0);
  const status = await runJob(dfs.dfs, m.client, jobId, [survivor]);
  expect(status).toMatchObject({ state: 'SUCCEEDED', counters: expect.objectContaining({ FAILED_MAPS: 0, LAUNCHED_MAPS: 4 }) });
  const attempts = (await m.client.GetJobHistory({ jobId })).attempts;
  expect(attempts.find((a) => a.attemptId === done!.attemptId)).toMatchObject({ state: 'KILLED', committed: false, error: 'map output lost: worker lost lost' });
  expect(attempts.find((a) => a.attemptId === running!.attemptId)).toMatchObject({ state: 'KILLED', error: 'worker lost lost' });
  expect(attempts.filter((a) => a.workerId === 'survivor').map((a) => a.attemptId.slice(-1))).toEqual(['1', '1', '0']);

  // If it comes back, what it still runs is killed.
  lost.running.set(running!.attemptId, running!);
  await lost.heartbeat(0);
  expect(lost.killed).toEqual([running!.attemptId]);
});

it('re-runs a map whose output a reduce could not fetch; the reduce runs again after it', async () => {
  await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 2 * 4096);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 });
  const w = new FakeWorker(m.worker, 'w', dfs.datanodeIds[0]);
  const maps = await w.heartbeat(2);
  for (const map of maps) await w.succeed(dfs.dfs, map);
  const [reduce] = await w.heartbeat(1);
  expect(reduce!.type).toBe('REDUCE');

  w.finish(reduce!.attemptId, { state: 'FAILED', error: 'fetch failed', fetchFailedMaps: [1] });
  const [rerun] = await w.heartbeat(1);
  expect(rerun).toMatchObject({ type: 'MAP', taskIndex: 1, attemptId: maps[1]!.attemptId.replace(/_0$/, '_1') });
  expect(await w.heartbeat(1)).toEqual([]);
  await w.succeed(dfs.dfs, rerun!);
  const [again] = await w.heartbeat(1);
  expect(again).toMatchObject({ type: 'REDUCE', taskIndex: 0, attemptId: reduce!.attemptId.replace(/_0$/, '_1') });
  expect(again!.mapOutputs.map((o) => o.attemptId)).toEqual([maps[0]!.attemptId, rerun!.attemptId]);
  await w.succeed(dfs.dfs, again!);
  await w.heartbeat(0);
  const status = await waitForState(m.client, jobId, 'SUCCEEDED');
  expect(status.counters).toMatchObject({ FAILED_REDUCES: 0, FAILED_MAPS: 0, LAUNCHED_REDUCES: 2, LAUNCHED_MAPS: 3 });
  const attempts = (await m.client.GetJobHistory({ jobId })).attempts;
  expect(attempts.find((a) => a.attemptId === reduce!.attemptId)).toMatchObject({ state: 'KILLED', committed: false });
  expect(attempts.find((a) => a.attemptId === maps[1]!.attemptId)).toMatchObject({ state: 'KILLED', committed: false });
});

it('kills and re-queues an attempt its live worker stops listing', async () => {
  await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 100);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out' });
  const w = new FakeWorker(m.worker, 'w', dfs.datanodeIds[0]);
  const [forgotten] = await w.heartbeat(1);
  w.running.delete(forgotten!.attemptId); // as a worker restarted with the same id would
  const [again] = await eventually('the task assigned again', async () => {
    const assignments = await w.heartbeat(1);
    return assignments.length > 0 && assignments;
  });
  expect(again!.attemptId).toBe(forgotten!.attemptId.replace(/_0$/, '_1'));
  const attempts = (await m.client.GetJobHistory({ jobId })).attempts;
  expect(attempts[0]).toMatchObject({ attemptId: forgotten!.attemptId, state: 'KILLED', error: expect.stringMatching(/^not reported by worker w for \d+ ms$/) });
});
