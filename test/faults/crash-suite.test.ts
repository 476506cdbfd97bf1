// The crash suite: a job whose map and reduce at random exit their thread, throw, or stall,
// on a cluster whose worker processes are also killed (and restarted) mid-job. Every run's
// output must equal the oracle of the same job without faults. CI runs CHAOS_RUNS (default
// 2) runs; `npm run chaos` runs many.
import path from 'node:path';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';
import { TestCluster, waitFor } from '../harness/cluster';
import { expectExactlyOnceOutput, jobStatus, submit, waitForJob } from '../harness/job';
import { wordsText } from '../harness/text';

const MB = 1024 * 1024;
const CHAOS = path.resolve(__dirname, '../jobs/chaos-word-count.ts');
const RUNS = Number(process.env.CHAOS_RUNS ?? 2);
const REDUCERS = 3;
jest.setTimeout(RUNS * 150_000 + 60_000);

let cluster: TestCluster;
const input = wordsText(4 * MB, 5);
let oracle: string[];

/** Reads every part file that appears in `output` until stopped: name → texts seen. */
function watchParts(output: string): { stop(): Promise<Map<string, Set<string>>> } {
  const seen = new Map<string, Set<string>>();
  let stopped = false;
  const client = cluster.client();
  const loop = (async () => {
    while (!stopped) {
      const entries = await client.list(output).catch(() => []);
      for (const e of entries) {
        const name = e.path.slice(output.length + 1);
        if (!name.startsWith('part-')) continue;
        const text = (await client.readFile(e.path)).toString('utf8');
        seen.set(name, (seen.get(name) ?? new Set()).add(text));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return seen;
    },
  };
}

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 3, blockSize: '1MB', replication: 2, workerTimeout: '3s', slots: 2 });
  await cluster.client().writeFile('/chaos/in.txt', input);
  const local = await runLocal(wordCount, [{ path: '/chaos/in.txt', content: input }], { reducers: REDUCERS, splitBytes: MB });
  oracle = local.partitions.map((p) => formatRecords(p));
});

afterAll(async () => {
  await cluster?.stop();
});

test(`${RUNS} chaotic runs all produce the oracle's output, exactly once`, async () => {
  const linesPerSplit = MB / (input.length / input.toString().split('\n').length);
  const keysPerReduce = 400 / REDUCERS;
  let failedAttempts = 0;
  for (let run = 0; run < RUNS; run++) {
    const output = `/chaos/out-${run}`;
    const jobId = await submit(cluster, CHAOS, [
      '--input', '/chaos/in.txt', '--output', output, '--reducers', String(REDUCERS), '--max-attempts', '10',
      // About 30% of attempts meet a fault.
      '--param', `seed=${run + 1}`,
      '--param', `mapFaultOdds=${0.3 / linesPerSplit}`,
      '--param', `reduceFaultOdds=${0.3 / keysPerReduce}`,
    ]);
    const watcher = watchParts(output);
    // Kill one worker process once the job is under way, and bring it back.
    await waitFor('the job to start', async () => (await jobStatus(cluster, jobId)).state !== 'PENDING', 30_000, 20);
    cluster.killWorker(run % 3);
    await cluster.localStart();
    const status = await waitForJob(cluster, jobId, 120_000);
    expect(status.state).toBe('SUCCEEDED');
    await expectExactlyOnceOutput(cluster, jobId, output, oracle);
    // A reader listing the output while the job ran only ever saw whole part files.
    const seen = await watcher.stop();
    for (const [name, texts] of seen) {
      for (const text of texts) expect([name, text]).toEqual([name, oracle[Number(name.slice(-5))]]);
    }
    failedAttempts += (status.counters.FAILED_MAPS ?? 0) + (status.counters.FAILED_REDUCES ?? 0);
  }
  // The faults really happened (about 40% of attempts fail; none in 2 runs is ~1e-4 likely).
  expect(failedAttempts).toBeGreaterThan(0);
});
