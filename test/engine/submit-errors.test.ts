// Jobs that cannot run: each refused with one clear message and a non-zero exit, leaving
// nothing behind; a job whose map throws fails with the user's error after retries; a job
// submitted with no worker up waits for one.
import path from 'node:path';
import { TestCluster, runCli, waitFor, type CliResult } from '../harness/cluster';
import { submitAndWait } from '../harness/job';

const WORD_COUNT = path.resolve(__dirname, '../../examples/word-count/job.ts');
const UNIQUE_USERS = path.resolve(__dirname, '../../examples/unique-users/job.ts');
const JOBS = path.resolve(__dirname, '../jobs');
jest.setTimeout(180_000);

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 2, blockSize: '1MB', replication: 2 });
  await cluster.client().writeFile('/in/words.txt', Buffer.from('a b c\nb c\nc\n'));
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

test('an unknown --param, or one of the wrong type, is refused', async () => {
  await expectRefused([UNIQUE_USERS, '--input', '/in', '--output', '/out/x', '--param', 'colour=red'], /colour/);
  await expectRefused([WORD_COUNT, '--input', '/in', '--output', '/out/x', '--param', 'novalue'], /name=value/);
});

test('a negative reducer count is refused', async () => {
  await expectRefused([WORD_COUNT, '--input', '/in', '--output', '/out/x', '--reducers', '-1'], /reducers/);
});

test('an unreachable master gives an error, not a hang', async () => {
  const result = await runCli(['job', 'submit', WORD_COUNT, '--input', '/in', '--output', '/out/x', '--master', '127.0.0.1:1']);
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
  expect(history.attempts.filter((a: { state: string }) => a.state === 'FAILED')).toHaveLength(4);
  expect(await cluster.client().exists('/out/poison')).toBe(false);
  // The cluster keeps serving other jobs.
  const next = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/after-poison']);
  expect(next.status.state).toBe('SUCCEEDED');
});

test('a job submitted while no worker is up waits, and runs when one joins', async () => {
  for (let i = 0; i < cluster.info.workers.length; i++) cluster.killWorker(i);
  const submitted = await cluster.tsmr(['job', 'submit', WORD_COUNT, '--input', '/in', '--output', '/out/waits', '--json']);
  expect(submitted.code).toBe(0);
  const { jobId } = JSON.parse(submitted.stdout.toString());
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const waiting = JSON.parse((await cluster.tsmr(['job', 'status', jobId, '--json'])).stdout.toString());
  expect(waiting.state).toBe('PENDING');
  await cluster.localStart();
  const done = await waitFor('the job to finish', async () => {
    const s = JSON.parse((await cluster.tsmr(['job', 'status', jobId, '--json'])).stdout.toString());
    return s.state !== 'PENDING' && s.state !== 'RUNNING' && s;
  }, 60_000, 200);
  expect(done.state).toBe('SUCCEEDED');
  expect((await cluster.client().readFile('/out/waits/part-r-00000')).toString()).toBe('a\t1\nb\t2\nc\t3\n');
});
