// A clean run: exactly one attempt per task, reduces only after maps, commit by rename,
// _SUCCESS, counters; map-only jobs; empty inputs; a success reported twice.
import { FakeWorker, eventually, runJob, startMiniDfs, startTestMaster, stopAll, submit, waitForState, writeInput, type MiniDfs, type TestMaster } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;
let m: TestMaster;

beforeEach(async () => {
  dfs = await startMiniDfs(2);
  m = await startTestMaster(dfs);
});

it('runs maps, then reduces, commits each reduce once, and writes _SUCCESS', async () => {
  await writeInput(dfs.dfs, '/in/a.txt', 10_000); // 3 blocks
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 2 });
  expect(await m.client.GetJobStatus({ jobId })).toMatchObject({ state: 'PENDING', mapsTotal: 3, mapsDone: 0, reducesTotal: 2 });
  expect(await dfs.dfs.exists('/out/_temporary')).toBe(true);

  const worker = new FakeWorker(m.worker, 'w1');
  const maps = await worker.take(10);
  expect(maps.map((a) => [a.type, a.taskIndex])).toEqual([['MAP', 0], ['MAP', 1], ['MAP', 2]]);
  expect(await m.client.GetJobStatus({ jobId })).toMatchObject({ state: 'RUNNING' });
  // Two maps done: no reduce yet, however many slots are free.
  await worker.succeed(dfs.dfs, maps[0]!);
  await worker.succeed(dfs.dfs, maps[1]!);
  expect(await worker.heartbeat(10)).toEqual([]);
  expect(await m.client.GetJobStatus({ jobId })).toMatchObject({ mapsDone: 2, reducesDone: 0 });
  await worker.succeed(dfs.dfs, maps[2]!);
  const reduces = await worker.heartbeat(10);
  expect(reduces.map((a) => [a.type, a.taskIndex])).toEqual([['REDUCE', 0], ['REDUCE', 1]]);
  expect(reduces[0]!.mapOutputs).toEqual(maps.map((a, i) => ({ mapIndex: i, attemptId: a.attemptId, shuffleAddress: worker.shuffleAddress })));
  expect(reduces[0]).toMatchObject({ jobId, output: '/out', reducers: 2, split: null });

  for (const reduce of reduces) await worker.succeed(dfs.dfs, reduce);
  await worker.heartbeat(0);
  const status = await waitForState(m.client, jobId, 'SUCCEEDED');
  expect(status).toMatchObject({ mapsDone: 3, reducesDone: 2, error: null });
  expect(status.finishedAt).toBeGreaterThanOrEqual(status.startedAt);
  expect(status.counters).toMatchObject({ RECORDS: 50, LAUNCHED_MAPS: 3, LAUNCHED_REDUCES: 2, FAILED_MAPS: 0, FAILED_REDUCES: 0 });

  const names = (await dfs.dfs.list('/out')).map((f) => f.path).sort();
  expect(names).toEqual(['/out/_SUCCESS', '/out/part-r-00000', '/out/part-r-00001']);
  expect((await dfs.dfs.readFile('/out/part-r-00001')).toString()).toBe(`${reduces[1]!.attemptId}\n`);
  const history = await m.client.GetJobHistory({ jobId });
  expect(history.attempts).toHaveLength(5);
  expect(history.attempts.every((a) => a.state === 'SUCCEEDED' && a.committed && a.attemptId.endsWith('_0'))).toBe(true);
});

it('commits the maps of a map-only job as part-m files', async () => {
  await writeInput(dfs.dfs, '/in/a.txt', 5000);
  await writeInput(dfs.dfs, '/in/b.txt', 100);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 0 });
  const status = await runJob(dfs.dfs, m.client, jobId, [new FakeWorker(m.worker, 'w1')]);
  expect(status).toMatchObject({ state: 'SUCCEEDED', mapsTotal: 3, mapsDone: 3, reducesTotal: 0 });
  expect((await dfs.dfs.list('/out')).map((f) => f.path).sort()).toEqual(['/out/_SUCCESS', '/out/part-m-00000', '/out/part-m-00001', '/out/part-m-00002']);
});

it('runs the reduces of a job whose input dir has no files', async () => {
  await dfs.dfs.mkdirs('/empty');
  const jobId = await submit(m.client, { inputs: ['/empty'], output: '/out', reducers: 2 });
  const status = await runJob(dfs.dfs, m.client, jobId, [new FakeWorker(m.worker, 'w1')]);
  expect(status).toMatchObject({ state: 'SUCCEEDED', mapsTotal: 0, reducesTotal: 2, reducesDone: 2 });
  expect((await dfs.dfs.list('/out')).map((f) => f.path).sort()).toEqual(['/out/_SUCCESS', '/out/part-r-00000', '/out/part-r-00001']);
});

it('succeeds at once with a map-only job over nothing', async () => {
  await dfs.dfs.mkdirs('/empty');
  const jobId = await submit(m.client, { inputs: ['/empty'], output: '/out' });
  await waitForState(m.client, jobId, 'SUCCEEDED');
  expect((await dfs.dfs.list('/out')).map((f) => f.path)).toEqual(['/out/_SUCCESS']);
});

it('commits a task once: a repeated report changes nothing, a superseded attempt is discarded', async () => {
  await writeInput(dfs.dfs, '/in/a.txt', 100);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 2 });
  const w1 = new FakeWorker(m.worker, 'w1');
  const w2 = new FakeWorker(m.worker, 'w2');
  const [map] = await w2.take(1);
  await w2.succeed(dfs.dfs, map!);
  await w2.heartbeat(0);
  const [r0] = await w1.heartbeat(1);
  const [r1] = await w2.heartbeat(1);
  expect([r0!.taskIndex, r1!.taskIndex]).toEqual([0, 1]);

  // w1 goes silent while running reduce 0 and is lost; w2 keeps reduce 1 running and takes reduce 0 again.
  await w1.writeOutput(dfs.dfs, r0!, 'late\n');
  const retry = await eventually('reduce 0 re-assigned', async () => (await w2.heartbeat(1))[0]);
  expect(retry).toMatchObject({ type: 'REDUCE', taskIndex: 0, attemptId: r0!.attemptId.replace(/_0$/, '_1') });
  await w2.succeed(dfs.dfs, retry);
  await w2.heartbeat(0);
  await eventually('reduce 0 committed', async () => (await m.client.GetJobStatus({ jobId })).reducesDone === 1);

  // The lost worker comes back and reports its attempt done: not committed, its output deleted.
  w1.finish(r0!.attemptId, { state: 'SUCCEEDED' });
  await w1.heartbeat(0);
  await eventually('the late attempt output deleted', async () => !(await dfs.dfs.exists(`/out/_temporary/${r0!.attemptId}`)));
  expect((await dfs.dfs.readFile('/out/part-r-00000')).toString()).toBe(`${retry.attemptId}\n`);

  // w2 reports reduce 0's success again (as if the reply was lost): still one commit.
  w2.finish(retry.attemptId, { state: 'SUCCEEDED' });
  await w2.succeed(dfs.dfs, r1!);
  await w2.heartbeat(0);
  const status = await waitForState(m.client, jobId, 'SUCCEEDED');
  expect(status.reducesDone).toBe(2);
  expect((await dfs.dfs.readFile('/out/part-r-00000')).toString()).toBe(`${retry.attemptId}\n`);
  const attempts = (await m.client.GetJobHistory({ jobId })).attempts;
  expect(attempts.find((a) => a.attemptId === r0!.attemptId)).toMatchObject({ state: 'KILLED', committed: false });
  expect(attempts.filter((a) => a.committed).map((a) => a.attemptId).sort()).toEqual([map!.attemptId, retry.attemptId, r1!.attemptId].sort());
});
