// Jobs that cannot run: each refused with one clear message and a non-zero exit, leaving
// nothing behind; a job whose map throws fails with the user's error after retries (on
// another worker); a job submitted with no worker up waits for one, through a master kill.
import path from 'node:path';
import { TestCluster, spawnCli, waitFor, type CliResult } from '../harness/cluster';
import { submitAndWait } from '../harness/job';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';

const WORD_COUNT = path.resolve(__dirname, '../../examples/word-count/job.ts');
const UNIQUE_USERS = path.resolve(__dirname, '../../examples/unique-users/job.ts');
const JOBS = path.resolve(__dirname, '../jobs');
jest.setTimeout(180_000);

let cluster: TestCluster;

const WORDS = Buffer.from('a b c\nb c\nc\n');

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 2, blockSize: '1MB', replication: 2 });
  await cluster.client().writeFile('/in/words.txt', WORDS);
  await cluster.client().mkdirs('/taken');
});

afterAll(async () => {
  await cluster?.stop();
});

async function namespace(): Promise<string[]> {
  return (await cluster.client().list('/', { recursive: true })).map((e) => e.path);
}

async function expectRefused(args: string[], message: RegExp): Promise<CliResult> {
  const before = await namespace();
  const jobsBefore = (await cluster.tsmr(['job', 'list', '--json'])).stdout.toString();
  const result = await cluster.tsmr(['job', 'submit', ...args]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')[0]).toMatch(/^(tsmr: |error: )/);
  expect(await namespace()).toEqual(before);
  expect((await cluster.tsmr(['job', 'list', '--json'])).stdout.toString()).toBe(jobsBefore);
  return result;
}

test('a job file that does not compile is refused with file:line', async () => {
  await expectRefused([`${JOBS}/does-not-compile.ts`, '--input', '/in', '--output', '/out/x'], /does-not-compile\.ts:6:\d+: error: /);
});

test('a job without map is refused', async () => {
  await expectRefused([`${JOBS}/no-map.ts`, '--input', '/in', '--output', '/out/x'], /no-map\.ts: .*map/);
});

test('a missing input path is refused', async () => {
  await expectRefused([WORD_COUNT, '--input', '/nowhere', '--output', '/out/x'], /NOT_FOUND: .*\/nowhere/);
});

test('an existing output directory is refused', async () => {
  await expectRefused([WORD_COUNT, '--input', '/in', '--output', '/taken'], /ALREADY_EXISTS: .*\/taken.* already exists/);
});

test('an unknown --param, one of the wrong type, or one without a value is refused', async () => {
  await expectRefused([UNIQUE_USERS, '--input', '/in', '--output', '/out/x', '--param', 'colour=red'], /colour/);
  // slow-word-count declares delayMs: 20, a number.
  const wrongType = await expectRefused([`${JOBS}/slow-word-count.ts`, '--input', '/in', '--output', '/out/x', '--param', 'delayMs=abc'], /.*/);
  expect(wrongType.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^tsmr: INVALID_ARGUMENT: .*slow-word-count\.ts: param "delayMs" expects a number, got "abc"$/),
  ]);
  await expectRefused([WORD_COUNT, '--input', '/in', '--output', '/out/x', '--param', 'novalue'], /name=value/);
});

test('an output replication above the live datanodes is refused', async () => {
  await expectRefused([WORD_COUNT, '--input', '/in', '--output', '/out/x', '--output-replication', '3'], /INVALID_ARGUMENT: spec\.output_replication: 3 is more than the 2 live datanodes/);
});

test('a negative reducer count is refused', async () => {
  await expectRefused([WORD_COUNT, '--input', '/in', '--output', '/out/x', '--reducers', '-1'], /reducers/);
});

/** Runs the CLI, killing it if it has not ended after limitMs; `elapsedMs` says how long it ran. */
async function runBounded(args: string[], limitMs: number): Promise<CliResult & { elapsedMs: number; hung: boolean }> {
  const startedAt = Date.now();
  const { child, done } = spawnCli(args);
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, limitMs);
  const result = await done.finally(() => clearTimeout(timer));
  return { ...result, elapsedMs: Date.now() - startedAt, hung };
}

test.each([[[] as string[]], [['--wait']]])('an unreachable master gives an error within seconds, not a hang (job submit %j)', async (extra) => {
  const result = await runBounded(['job', 'submit', WORD_COUNT, '--input', '/in', '--output', '/out/x', '--master', '127.0.0.1:1', ...extra], 20_000);
  expect({ killedStillRunningAfter20s: result.hung, endedWithin15s: result.elapsedMs < 15_000 }).toEqual({ killedStillRunningAfter20s: false, endedWithin15s: true });
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim()).toMatch(/^tsmr: UNAVAILABLE: cannot reach 127\.0\.0\.1:1/);
});

test('a map that throws: attempts are retried, then the job fails with the user\'s message and stack', async () => {
  await cluster.client().writeFile('/poison/in.txt', Buffer.from('fine\nfine too\npoison pill\nfine again\n'));
  const { code, status } = await submitAndWait(cluster, `${JOBS}/throws-on-record.ts`, ['--input', '/poison', '--output', '/out/poison']);
  expect(code).not.toBe(0);
  expect(status.state).toBe('FAILED');
  expect(status.error?.message).toMatch(/cannot handle record: poison pill/);
  expect(status.error?.stack).toMatch(/throws-on-record\.ts:\d+/);
  const text = (await cluster.tsmr(['job', 'status', status.jobId])).stdout.toString();
  expect(text).toMatch(/error: +.*cannot handle record: poison pill/);
  expect(text).toMatch(/throws-on-record\.ts:\d+/);
  const history = JSON.parse((await cluster.tsmr(['job', 'history', status.jobId, '--json'])).stdout.toString());
  const failed: Array<{ attemptId: string; workerId: string }> = history.attempts.filter((a: { state: string }) => a.state === 'FAILED');
  expect(failed).toHaveLength(4);
  // Retried on another worker: the retry of attempt _0 ran elsewhere, and the 4 attempts
  // (one task: a one-block input) ran on both workers.
  const byAttempt = new Map(failed.map((a) => [Number(a.attemptId.slice(a.attemptId.lastIndexOf('_') + 1)), a.workerId]));
  expect([...byAttempt.keys()].sort()).toEqual([0, 1, 2, 3]);
  expect(byAttempt.get(1)).not.toBe(byAttempt.get(0));
  expect(new Set(byAttempt.values()).size).toBe(2);
  expect(await cluster.client().exists('/out/poison')).toBe(false);
  // The cluster keeps serving other jobs.
  const next = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/after-poison']);
  expect(next.status.state).toBe('SUCCEEDED');
});

test('a job submitted while no worker is up waits, survives kill -9 of the master, and runs when workers join', async () => {
  for (let i = 0; i < cluster.info.workers.length; i++) cluster.killWorker(i);
  const submitted = await cluster.tsmr(['job', 'submit', WORD_COUNT, '--input', '/in', '--output', '/out/waits', '--json']);
  expect(submitted.code).toBe(0);
  const { jobId } = JSON.parse(submitted.stdout.toString());
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const waiting = JSON.parse((await cluster.tsmr(['job', 'status', jobId, '--json'])).stdout.toString());
  expect(waiting.state).toBe('PENDING');
  // The master dies while the job is still pending; local start brings it back with the workers.
  cluster.killMaster();
  await cluster.localStart();
  const listed = JSON.parse((await cluster.tsmr(['job', 'list', '--json'])).stdout.toString());
  expect(listed.map((j: { jobId: string }) => j.jobId)).toContain(jobId);
  const done = await waitFor('the job to finish', async () => {
    const s = JSON.parse((await cluster.tsmr(['job', 'status', jobId, '--json'])).stdout.toString());
    return s.state !== 'PENDING' && s.state !== 'RUNNING' && s;
  }, 60_000, 200);
  expect(done.state).toBe('SUCCEEDED');
  const oracle = await runLocal(wordCount, [{ path: '/in/words.txt', content: WORDS }], { reducers: 1 });
  expect((await cluster.client().readFile('/out/waits/part-r-00000')).toString()).toBe(formatRecords(oracle.partitions[0]!));
  expect(await cluster.client().exists('/out/waits/_SUCCESS')).toBe(true);
});
