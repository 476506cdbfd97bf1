// kill -9 of real daemons while a job runs: a worker in the map phase, a worker in the
// reduce phase (its finished map outputs die with it), the master (restarted on its
// state dir), the namenode (restarted), a datanode (replication 2). Every job must
// finish with the oracle's output, each task committed exactly once.
import fs from 'node:fs';
import path from 'node:path';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';
import { TestCluster, waitFor } from '../harness/cluster';
import { expectExactlyOnceOutput, expectWholeOutputSeen, jobAttempts, jobStatus, submit, waitForJob, watchOutput, type AttemptJson, type JobStatusJson } from '../harness/job';
import { wordsText } from '../harness/text';

const MB = 1024 * 1024;
const SLOW = path.resolve(__dirname, '../jobs/slow-word-count.ts');
const REDUCERS = 3;
jest.setTimeout(180_000);

const input = wordsText(6 * MB, 9);
let oracle: string[];
let cluster: TestCluster | undefined;

beforeAll(async () => {
  const local = await runLocal(wordCount, [{ path: '/in/words.txt', content: input }], { reducers: REDUCERS, splitBytes: MB });
  oracle = local.partitions.map((p) => formatRecords(p));
});

afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function startWithInput(replication = 2): Promise<TestCluster> {
  cluster = await TestCluster.start({ nodes: 3, blockSize: '1MB', replication, workerTimeout: '2s', slots: 1 });
  await cluster.client().writeFile('/in/words.txt', input);
  return cluster;
}

function submitSlow(c: TestCluster, output: string, reduceDelayMs = 0): Promise<string> {
  return submit(c, SLOW, [
    '--input', '/in', '--output', output, '--reducers', String(REDUCERS),
    '--param', 'delayMs=60', '--param', `reduceDelayMs=${reduceDelayMs}`,
  ]);
}

function until(c: TestCluster, jobId: string, what: string, ok: (s: JobStatusJson) => boolean): Promise<JobStatusJson> {
  return waitFor(what, async () => {
    const s = await jobStatus(c, jobId);
    if (['SUCCEEDED', 'FAILED', 'KILLED'].includes(s.state)) throw new Error(`job ended (${s.state}) before ${what}`);
    return ok(s) && s;
  }, 60_000, 50);
}

const mapPhaseUnderway = (s: JobStatusJson) => s.mapsDone >= 1 && s.mapsDone < s.mapsTotal - 1;

/** The index of the worker process whose id is workerId. */
function workerIndex(c: TestCluster, workerId: string): number {
  const index = c.info.workers.findIndex((w) => fs.readFileSync(path.join(w.dir, 'worker-id'), 'utf8').trim() === workerId);
  if (index < 0) throw new Error(`no worker ${workerId}`);
  return index;
}

test('kill -9 a worker during the map phase', async () => {
  const c = await startWithInput();
  const jobId = await submitSlow(c, '/out/map-kill');
  // Status and attempts are two reads and a map may finish between them: poll both
  // until a map is seen running while another has finished.
  const running = await waitFor('a map running after one finished', async () => {
    await until(c, jobId, 'a map to finish', mapPhaseUnderway);
    return (await jobAttempts(c, jobId)).find((a) => a.type === 'MAP' && a.state === 'RUNNING');
  }, 60_000, 50);
  c.killWorker(workerIndex(c, running.workerId));
  const status = await waitForJob(c, jobId);
  expect(status.state).toBe('SUCCEEDED');
  await expectExactlyOnceOutput(c, jobId, '/out/map-kill', oracle);
});

test('kill -9 a worker during the reduce phase, after maps finished on it', async () => {
  const c = await startWithInput();
  const jobId = await submitSlow(c, '/out/reduce-kill', 400);
  await until(c, jobId, 'the reduce phase', (s) => s.mapsDone === s.mapsTotal && s.reducesDone < s.reducesTotal);
  const attempts = await jobAttempts(c, jobId);
  const mapWorker = attempts.find((a) => a.type === 'MAP' && a.committed)!.workerId;
  c.killWorker(workerIndex(c, mapWorker));
  const status = await waitForJob(c, jobId);
  expect(status.state).toBe('SUCCEEDED');
  await expectExactlyOnceOutput(c, jobId, '/out/reduce-kill', oracle);
  // Its map outputs were lost and made again elsewhere.
  const after = await jobAttempts(c, jobId);
  expect(after.filter((a) => a.type === 'MAP').length).toBeGreaterThan(status.mapsTotal);
});

test.each(['map', 'reduce'])('kill -9 the master mid-%s and restart it: the job completes', async (phase) => {
  const c = await startWithInput();
  const output = `/out/master-${phase}`;
  const jobId = await submitSlow(c, output, phase === 'reduce' ? 400 : 0);
  // A reader of the output dir, through the kill and the restarted master's commits.
  const watcher = watchOutput(c, output, REDUCERS);
  let before: AttemptJson[];
  let status: JobStatusJson;
  try {
    if (phase === 'map') await until(c, jobId, 'a map to finish', mapPhaseUnderway);
    else await until(c, jobId, 'the reduce phase', (s) => s.mapsDone === s.mapsTotal && s.reducesDone < s.reducesTotal);
    before = await jobAttempts(c, jobId);
    c.killMaster();
    await c.localStart();
    status = await waitForJob(c, jobId);
  } catch (err) {
    await watcher.stop();
    throw err;
  }
  expectWholeOutputSeen(await watcher.stop(), oracle);
  expect(status.state).toBe('SUCCEEDED');
  await expectExactlyOnceOutput(c, jobId, output, oracle);
  // Tasks finished before the kill were not redone.
  const after = await jobAttempts(c, jobId);
  for (const done of before.filter((a) => a.committed)) {
    expect(after.find((a) => a.attemptId === done.attemptId)?.committed).toBe(true);
  }
});

test('kill -9 the namenode mid-job and restart it: the job completes', async () => {
  const c = await startWithInput();
  const jobId = await submitSlow(c, '/out/namenode-kill');
  await until(c, jobId, 'a map to finish', (s) => s.mapsDone >= 1);
  c.killNamenode();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await c.localStart();
  const status = await waitForJob(c, jobId);
  expect(status.state).toBe('SUCCEEDED');
  await expectExactlyOnceOutput(c, jobId, '/out/namenode-kill', oracle);
});

test('kill -9 a datanode mid-job with replication 2: the job completes', async () => {
  const c = await startWithInput(2);
  const jobId = await submitSlow(c, '/out/datanode-kill');
  await until(c, jobId, 'a map to finish', mapPhaseUnderway);
  c.killDatanode(1);
  const status = await waitForJob(c, jobId);
  expect(status.state).toBe('SUCCEEDED');
  await expectExactlyOnceOutput(c, jobId, '/out/datanode-kill', oracle);
});

test('job submit --wait follows the job through a master restart; Ctrl-C detaches without killing it', async () => {
  const c = await startWithInput();
  // delayMs=60, as submitSlow: the maps must outlast the CLI's bundling and the listing polls
  // below (each a CLI process), or the job may end before a map is seen done.
  const follower = c.spawnTsmr([
    'job', 'submit', SLOW, '--input', '/in', '--output', '/out/follow', '--reducers', String(REDUCERS), '--param', 'delayMs=60', '--wait', '--json',
  ]);
  const jobId = await waitFor('the job to be listed', async () => {
    const jobs = JSON.parse((await c.tsmr(['job', 'list', '--json'])).stdout.toString());
    return jobs[0]?.jobId as string | undefined;
  }, 30_000, 100);
  await until(c, jobId, 'a map to finish', (s) => s.mapsDone >= 1);
  c.killMaster();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await c.localStart();
  const followed = await follower.done;
  expect(followed.code).toBe(0);
  expect(JSON.parse(followed.stdout.toString()).state).toBe('SUCCEEDED');
  await expectExactlyOnceOutput(c, jobId, '/out/follow', oracle);

  const detached = c.spawnTsmr(['job', 'submit', SLOW, '--input', '/in', '--output', '/out/detach', '--reducers', String(REDUCERS), '--wait']);
  // Ctrl-C once the CLI says it is following the job.
  await new Promise<void>((resolve) => detached.child.stderr!.on('data', (d: Buffer) => d.toString().includes('submitted') && resolve()));
  detached.child.kill('SIGINT');
  const result = await detached.done;
  expect(result.stderr).toMatch(/detached: (job_\S+) keeps running/);
  expect(result.code).toBe(130);
  const detachedId = /detached: (job_\S+) keeps running/.exec(result.stderr)![1]!;
  expect((await waitForJob(c, detachedId)).state).toBe('SUCCEEDED');
});
