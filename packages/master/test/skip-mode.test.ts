// Skip mode: once attempts of a map task have failed in user code on the same record
// skip_bad_records times, the task's next attempts are told to skip it.
import { FakeWorker, startMiniDfs, startTestMaster, stopAll, submit, waitForState, writeInput, type MiniDfs, type TestMaster } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;
let m: TestMaster;
let w: FakeWorker;

beforeEach(async () => {
  dfs = await startMiniDfs(1);
  m = await startTestMaster(dfs);
  await writeInput(dfs.dfs, '/in/a.txt', 100);
  w = new FakeWorker(m.worker, 'w', dfs.datanodeIds[0]);
});

/** Fails the map's current attempt in user code on `record`; returns the next attempt's skip list. */
async function failOn(record: number, userCode = true): Promise<number[]> {
  const [attempt] = w.running.values();
  w.finish(attempt!.attemptId, { state: 'FAILED', error: `bad record ${record}`, userCode, failedRecord: record });
  const [next] = await w.take(1);
  return next!.skipRecords;
}

it('skips a record after skip_bad_records failures on it, counting failures per record, and across a master restart', async () => {
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', maxAttempts: 10, skipBadRecords: 2 });
  const [first] = await w.take(1);
  expect(first!.skipRecords).toEqual([]);
  expect(await failOn(7)).toEqual([]);
  expect(await failOn(9)).toEqual([]);
  expect(await failOn(5, false)).toEqual([]); // not user code: no record to blame
  expect(await failOn(5, false)).toEqual([]);
  expect(await failOn(7)).toEqual([7]);

  await m.stop();
  m = await startTestMaster(dfs, { dir: m.dir });
  w = Object.assign(new FakeWorker(m.worker, 'w', dfs.datanodeIds[0], w.shuffleAddress), { running: w.running });
  expect(await failOn(9)).toEqual([7, 9]);
  const [last] = w.running.values();
  await w.succeed(dfs.dfs, last!);
  await w.heartbeat(0);
  await waitForState(m.client, jobId, 'SUCCEEDED');
});

it('never skips when skip mode is off', async () => {
  await submit(m.client, { inputs: ['/in'], output: '/out', maxAttempts: 10 });
  await w.take(1);
  for (let i = 0; i < 3; i++) expect(await failOn(7)).toEqual([]);
});
