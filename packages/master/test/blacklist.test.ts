// Per-job blacklisting: a worker whose attempts of a job keep failing for reasons not in
// the job gets no more of its tasks while another worker is live; failures of user code
// do not count.
import { FakeWorker, eventually, sleep, startMiniDfs, startTestMaster, stopAll, submit, writeInput, type MiniDfs, type TestMaster } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;
let m: TestMaster;

beforeEach(async () => {
  dfs = await startMiniDfs(2);
  m = await startTestMaster(dfs);
  // Six maps, local to no worker (the workers have no datanode): any worker may take any.
  await writeInput(dfs.dfs, '/in/a.txt', 6 * 4096);
});

/** w0 takes three maps and fails each, in user code or not. */
async function failThree(w0: FakeWorker, userCode: boolean): Promise<void> {
  const maps = await w0.take(3);
  expect(maps).toHaveLength(3);
  for (const map of maps) w0.finish(map.attemptId, { state: 'FAILED', error: userCode ? 'map threw' : 'DFS read failed', userCode });
  await w0.heartbeat(0);
}

it('blacklists a worker for the job after 3 failures not in the job, until it is the only worker left', async () => {
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', maxAttempts: 4 });
  const w0 = new FakeWorker(m.worker, 'w0');
  const w1 = new FakeWorker(m.worker, 'w1');
  await w1.heartbeat(0);
  await failThree(w0, false);

  // Three maps it never failed are still waiting, but not for w0 (the locality delay long passed).
  for (let i = 0; i < 5; i++) {
    await w1.heartbeat(0);
    expect(await w0.heartbeat(3)).toEqual([]);
    await sleep(100);
  }
  const elsewhere = await w1.take(4);
  expect(elsewhere).toHaveLength(4);

  // w1 is lost (it stops heartbeating): w0, the only worker left, is used again.
  const again = await eventually('w0 to get work again', async () => {
    const assignments = await w0.heartbeat(1);
    return assignments.length > 0 && assignments;
  });
  expect(again[0]!.attemptId.startsWith(jobId.replace(/^job/, 'attempt'))).toBe(true);
  const { attempts } = await m.client.GetJobHistory({ jobId });
  expect(attempts.filter((a) => a.workerId === 'w0' && a.state === 'FAILED').map((a) => a.userCode)).toEqual([false, false, false]);
});

it('does not blacklist a worker for failures of user code', async () => {
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', maxAttempts: 4 });
  const w0 = new FakeWorker(m.worker, 'w0');
  const w1 = new FakeWorker(m.worker, 'w1');
  await w1.heartbeat(0);
  await failThree(w0, true);
  const [next] = await w0.take(1);
  expect(next!.attemptId).toMatch(/_0$/); // one of the maps it has not failed
  const { attempts } = await m.client.GetJobHistory({ jobId });
  expect(attempts.filter((a) => a.state === 'FAILED').map((a) => a.userCode)).toEqual([true, true, true]);
});
