// Failures of the job's own code and what the worker does about them: the task timeout
// (no progress), the heap limit, telling user-code failures (and their map record) from
// others, skip mode, and the taskDelay testing aid. The worker must keep serving.
// The task threads run dist/task-thread.js: build first with `npx tsc -b packages/worker`.
import { AttemptState, TaskType } from '@tsmr/common';
import { parseWorkerOptions } from '../src/config';
import { attemptIdOf, eventually, fragileJob, jobIdOf, jobSource, setup, stopAll } from './helpers';

jest.setTimeout(60_000);
afterEach(stopAll);

/** FRAGILE_TEXT's "boom here" line is record 2 of the split. */
const BOOM_RECORD = 2;

test('options: task timeout 10 minutes, task memory 1 GiB, no task delay by default; units accepted', () => {
  const base = { dir: '/w', master: 'h:1', namenode: 'h:2' };
  expect(parseWorkerOptions(base)).toMatchObject({ taskTimeoutMs: 600_000, taskMemoryBytes: 2 ** 30, taskDelayMs: 0 });
  expect(parseWorkerOptions({ ...base, taskTimeout: '0', taskMemory: '256MB', taskDelay: '3s' })).toMatchObject({
    taskTimeoutMs: 0,
    taskMemoryBytes: 256 * 2 ** 20,
    taskDelayMs: 3000,
  });
  expect(() => parseWorkerOptions({ ...base, taskMemory: '1KB' })).toThrow(/taskMemory must be at least 1MB/);
});

describe('task timeout', () => {
  test('an attempt stuck in map fails with the record, user code, and the worker runs the next task', async () => {
    const { master, mapOf } = await setup({ taskTimeout: '500ms' });
    master.bundles.set(jobIdOf(1), fragileJob('for (;;) {}'));
    master.bundles.set(jobIdOf(2), fragileJob(''));
    const [stuck] = await master.run(mapOf(1));
    expect(stuck).toMatchObject({
      state: AttemptState.FAILED,
      error: 'no progress for 0.5 s (task timeout)',
      userCode: true,
      failedRecord: BOOM_RECORD,
    });
    const [next] = await master.run(mapOf(2));
    expect(next).toMatchObject({ state: AttemptState.SUCCEEDED, counters: expect.objectContaining({ MAP_INPUT_RECORDS: 4 }) });
  });

  test('a slow map that keeps making progress outlives the timeout', async () => {
    const { master, mapOf } = await setup({ taskTimeout: '1s' });
    // 4 records of 400 ms each: longer than the timeout in all, shorter per record.
    master.bundles.set(
      jobIdOf(1),
      jobSource(`{ name: 'slow', map(line, ctx) { const until = Date.now() + 400; while (Date.now() < until) {} ctx.emit(line, 1); } }`),
    );
    const started = Date.now();
    const [report] = await master.run(mapOf(1));
    expect(report).toMatchObject({ state: AttemptState.SUCCEEDED, counters: expect.objectContaining({ MAP_INPUT_RECORDS: 4 }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1600);
  });
});

describe('task memory', () => {
  test('a map that exhausts its thread heap fails as user code; the worker keeps serving', async () => {
    const { master, mapOf } = await setup({ taskMemory: '64MB' });
    master.bundles.set(jobIdOf(1), fragileJob('const hog = []; for (;;) hog.push(new Array(100000).fill(line));'));
    master.bundles.set(jobIdOf(2), fragileJob(''));
    const [failed] = await master.run(mapOf(1));
    expect(failed).toMatchObject({ state: AttemptState.FAILED, userCode: true, failedRecord: BOOM_RECORD });
    expect(failed?.error).toBe('out of memory: the task thread passed its 64 MB heap (worker option taskMemory)');
    const reports = await master.run(mapOf(2, 0), mapOf(2, 1));
    expect(reports.map((r) => r.state)).toEqual([AttemptState.SUCCEEDED, AttemptState.SUCCEEDED]);
  });
});

describe('user code or not', () => {
  test('a throw in map or reduce, or in the job module, is user code; a missing input file is not', async () => {
    const { master, worker, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob(`throw new Error('bad line');`));
    const [thrown] = await master.run(mapOf(1));
    expect(thrown).toMatchObject({ state: AttemptState.FAILED, error: 'bad line', userCode: true, failedRecord: BOOM_RECORD });

    master.bundles.set(jobIdOf(2), Buffer.from(`throw new Error('module broke');`));
    const [module] = await master.run(mapOf(2));
    expect(module).toMatchObject({ state: AttemptState.FAILED, error: 'module broke', userCode: true });
    expect(module?.failedRecord).toBeUndefined();

    master.bundles.set(jobIdOf(3), fragileJob(''));
    const missing = { ...mapOf(3), split: { ...mapOf(3).split!, path: '/in/missing.txt' } };
    const [notFound] = await master.run(missing);
    expect(notFound).toMatchObject({ state: AttemptState.FAILED, userCode: false });
    expect(notFound?.failedRecord).toBeUndefined();

    master.bundles.set(
      jobIdOf(4),
      jobSource(`{ name: 'bad-reduce', map(line, ctx) { ctx.emit(line, 1); }, reduce() { throw new Error('bad group'); } }`),
    );
    const map = mapOf(4);
    await master.run(map);
    const [reduce] = await master.run({
      attemptId: attemptIdOf(4, 'r', 0),
      jobId: jobIdOf(4),
      type: TaskType.REDUCE,
      taskIndex: 0,
      reducers: 1,
      output: '/out/4',
      mapOutputs: [{ mapIndex: 0, attemptId: map.attemptId, shuffleAddress: worker.address }],
    });
    expect(reduce).toMatchObject({ state: AttemptState.FAILED, error: 'bad group', userCode: true });
    expect(reduce?.failedRecord).toBeUndefined();
  });
});

describe('skip mode', () => {
  test('a map attempt skips the records it is told to and counts them', async () => {
    const { dfs, master, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob(`throw new Error('bad line');`));
    const map = { ...mapOf(1, 0, 0), skipRecords: [BOOM_RECORD] };
    await dfs.client.mkdirs(`${map.output}/_temporary`, { parents: true });
    const [report] = await master.run(map);
    expect(report).toMatchObject({ state: AttemptState.SUCCEEDED });
    expect(report?.counters).toMatchObject({ SKIPPED_RECORDS: 1, MAP_INPUT_RECORDS: 4, MAP_OUTPUT_RECORDS: 5 });
    const part = await dfs.client.readFile(`${map.output}/_temporary/${map.attemptId}/part-m-00000`);
    expect(part.toString()).not.toContain('boom');
    expect(part.toString()).toContain('three');
  });
});

describe('taskDelay', () => {
  test('an attempt is held RUNNING for the delay before it runs, and can be killed meanwhile', async () => {
    const { master, mapOf } = await setup({ taskDelay: '2s' });
    master.bundles.set(jobIdOf(1), fragileJob(''));
    const killed = mapOf(1, 0);
    master.assign(killed);
    await eventually('the attempt reported running', () =>
      master.heartbeats.some((hb) => hb.reports.some((r) => r.attemptId === killed.attemptId && r.state === AttemptState.RUNNING)),
    );
    master.kill(killed.attemptId as string);
    const started = Date.now();
    const [delayed] = await master.run(mapOf(1, 1));
    expect(delayed?.state).toBe(AttemptState.SUCCEEDED);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(master.heartbeats.some((hb) => hb.reports.some((r) => r.attemptId === killed.attemptId && r.state !== AttemptState.RUNNING))).toBe(false);
    expect(master.bundleFetches).toBe(1);
  });
});
