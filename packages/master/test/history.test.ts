// Job history: every attempt with its times, and min/median/p95/max summaries.
import { summarize } from '../src/job-history';
import { FakeWorker, runJob, sleep, startMiniDfs, startTestMaster, stopAll, submit, writeInput } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

describe('summarize', () => {
  it('gives min, median, p95 and max, interpolating between ranks', () => {
    expect(summarize([])).toEqual({ count: 0, minMs: 0, medianMs: 0, p95Ms: 0, maxMs: 0 });
    expect(summarize([7])).toEqual({ count: 1, minMs: 7, medianMs: 7, p95Ms: 7, maxMs: 7 });
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, minMs: 1, medianMs: 2.5, p95Ms: expect.closeTo(3.85), maxMs: 4 });
    const hundredAndOne = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(summarize(hundredAndOne)).toEqual({ count: 101, minMs: 0, medianMs: 50, p95Ms: 95, maxMs: 100 });
  });
});

it('records queued, started and finished times of every attempt and summarises them', async () => {
  const dfs = await startMiniDfs(1);
  await writeInput(dfs.dfs, '/in/a.txt', 3 * 4096);
  const m = await startTestMaster(dfs);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 });
  const w = new FakeWorker(m.worker, 'w', dfs.datanodeIds[0]);
  await sleep(50);
  const [slow] = await w.heartbeat(1);
  await sleep(50);
  w.finish(slow!.attemptId, { state: 'FAILED', error: 'slow failure' });
  await runJob(dfs.dfs, m.client, jobId, [w]);

  const history = await m.client.GetJobHistory({ jobId });
  expect(history.job).toMatchObject({ jobId, state: 'SUCCEEDED' });
  expect(history.attempts).toHaveLength(5);
  for (const a of history.attempts) {
    expect(a.startedAt).toBeGreaterThanOrEqual(a.queuedAt);
    expect(a.finishedAt).toBeGreaterThanOrEqual(a.startedAt);
    expect(a).toMatchObject({ workerId: 'w', workerHost: '127.0.0.1' });
  }
  const failed = history.attempts.find((a) => a.attemptId === slow!.attemptId)!;
  expect(failed).toMatchObject({ state: 'FAILED', error: 'slow failure', committed: false, type: 'MAP', dataLocal: true });
  expect(failed.startedAt - failed.queuedAt).toBeGreaterThanOrEqual(50);
  // The retry was queued when the first attempt failed.
  const retry = history.attempts.find((a) => a.taskId === failed.taskId && a.attemptId !== failed.attemptId)!;
  expect(retry.queuedAt).toBe(failed.finishedAt);
  // The reduce became ready when the last map finished.
  const reduce = history.attempts.find((a) => a.type === 'REDUCE')!;
  expect(reduce.queuedAt).toBe(Math.max(...history.attempts.filter((a) => a.type === 'MAP').map((a) => a.finishedAt)));

  const delays = history.attempts.map((a) => a.startedAt - a.queuedAt);
  const runs = history.attempts.map((a) => a.finishedAt - a.startedAt);
  expect(history.queueDelay).toEqual(summarize(delays));
  expect(history.runTime).toEqual(summarize(runs));
  expect(history.queueDelay!.maxMs).toBe(Math.max(...delays));
});
