// The crash suite: a job whose map and reduce at random exit their thread, throw, or stall,
// on a cluster whose worker processes are also killed (and restarted) mid-job. Every run's
// output must equal the oracle of the same job without faults. CI runs CHAOS_RUNS (default
// 2) runs; `npm run chaos` runs many.
//
// Each run has a seed (CHAOS_SEED, default random, then +1 per run): it alone decides the
// job's faults (see test/jobs/chaos-word-count.ts) and which worker is killed; a failing
// run names its seed, and CHAOS_SEED=<seed> CHAOS_RUNS=1 runs it again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';
import { TestCluster, waitFor } from '../harness/cluster';
import { expectExactlyOnceOutput, expectWholeOutputSeen, jobAttempts, jobStatus, submit, waitForJob, watchOutput, type AttemptJson, type JobStatusJson } from '../harness/job';
import { wordsText } from '../harness/text';

const MB = 1024 * 1024;
const CHAOS = path.resolve(__dirname, '../jobs/chaos-word-count.ts');
const RUNS = Number(process.env.CHAOS_RUNS ?? 2);
const FIRST_SEED = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : crypto.randomInt(1, 2 ** 31 - RUNS);
const REDUCERS = 3;
jest.setTimeout(RUNS * 150_000 + 60_000);

let cluster: TestCluster;
const input = wordsText(4 * MB, 5);
let oracle: string[];

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 3, blockSize: '1MB', replication: 2, workerTimeout: '3s', slots: 2 });
  await cluster.client().writeFile('/chaos/in.txt', input);
  const local = await runLocal(wordCount, [{ path: '/chaos/in.txt', content: input }], { reducers: REDUCERS, splitBytes: MB });
  oracle = local.partitions.map((p) => formatRecords(p));
});

afterAll(async () => {
  await cluster?.stop();
});

interface RunResult {
  attempts: AttemptJson[];
  /** Kinds of the faults the job logged, as it injected them. */
  logged: string[];
}

async function chaosRun(run: number, seed: number): Promise<RunResult> {
  const linesPerSplit = MB / (input.length / input.toString().split('\n').length);
  const keysPerReduce = 400 / REDUCERS;
  const output = `/chaos/out-${run}`;
  const chaosDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-chaos-'));
  try {
    const jobId = await submit(cluster, CHAOS, [
      '--input', '/chaos/in.txt', '--output', output, '--reducers', String(REDUCERS), '--max-attempts', '10',
      // About 30% of attempts meet a random fault; one of each kind is forced in the reduces.
      '--param', `seed=${seed}`,
      '--param', `mapFaultOdds=${0.3 / linesPerSplit}`,
      '--param', `reduceFaultOdds=${0.3 / keysPerReduce}`,
      '--param', `chaosDir=${chaosDir}`,
      '--param', 'forceEachKind=true',
    ]);
    const watcher = watchOutput(cluster, output, REDUCERS);
    let status: JobStatusJson;
    try {
      // Kill one worker process (the seed picks which) once the job is under way, and bring it back.
      await waitFor('the job to start', async () => (await jobStatus(cluster, jobId)).state !== 'PENDING', 30_000, 20);
      cluster.killWorker(seed % 3);
      await cluster.localStart();
      status = await waitForJob(cluster, jobId, 120_000);
    } catch (err) {
      await watcher.stop();
      throw err;
    }
    const watched = await watcher.stop();
    expect(status.state).toBe('SUCCEEDED');
    await expectExactlyOnceOutput(cluster, jobId, output, oracle);
    expectWholeOutputSeen(watched, oracle);
    const logFile = path.join(chaosDir, 'faults.log');
    const logged = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n').map((l) => l.split(' ')[0]!) : [];
    // One of each kind was forced, so every run meets all three.
    expect(new Set(logged)).toEqual(new Set(['exit', 'throw', 'stall']));
    return { attempts: await jobAttempts(cluster, jobId), logged };
  } finally {
    fs.rmSync(chaosDir, { recursive: true, force: true });
  }
}

test(`${RUNS} chaotic runs all produce the oracle's output, exactly once, and meet every kind of fault`, async () => {
  const attempts: RunResult['attempts'] = [];
  const logged: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const seed = FIRST_SEED + run;
    try {
      const result = await chaosRun(run, seed);
      attempts.push(...result.attempts);
      logged.push(...result.logged);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`chaos run ${run} with seed ${seed} failed (again: CHAOS_SEED=${seed} CHAOS_RUNS=1 npm run chaos):\n${message}`, { cause: err });
    }
  }
  // Each kind of fault really happened, as the cluster saw it: a thread exit and a throw
  // each failed an attempt (job history), a stall held one up (the job's own log).
  const errors = attempts.filter((a) => a.state === 'FAILED').map((a) => a.error);
  const count = (re: RegExp) => errors.filter((e) => re.test(e)).length;
  const seen = { exit: count(/exited with code:? 17\b/), throw: count(/chaos: injected failure/), stall: logged.filter((k) => k === 'stall').length };
  expect(Object.entries(seen).filter(([, n]) => n === 0)).toEqual([]);
  // No more failures of a kind than the job injected.
  expect(seen.exit).toBeLessThanOrEqual(logged.filter((k) => k === 'exit').length);
  expect(seen.throw).toBeLessThanOrEqual(logged.filter((k) => k === 'throw').length);
});
