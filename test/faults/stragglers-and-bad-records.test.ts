// A worker made artificially slow (every attempt sleeps 15 s first): with speculative
// execution the job takes about as long as the same job on the same cluster before the
// worker was made slow (the baseline), from backup attempts; without it the job waits for
// the straggler. And skip mode: a record that keeps failing is skipped and counted instead
// of failing the job.
import path from 'node:path';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';
import { TestCluster } from '../harness/cluster';
import { expectExactlyOnceOutput, submitAndWait, type SubmitResult } from '../harness/job';
import { wordsText } from '../harness/text';

const MB = 1024 * 1024;
const WORD_COUNT = path.resolve(__dirname, '../../examples/word-count/job.ts');
const THROWS = path.resolve(__dirname, '../jobs/throws-on-record.ts');
const STRAGGLER_DELAY_MS = 15_000;
jest.setTimeout(240_000);

const input = wordsText(6 * MB, 3);
let cluster: TestCluster;
let oracle: string[];

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 3, blockSize: '1MB', replication: 2, slots: 1 });
  await cluster.client().writeFile('/in/words.txt', input);
  const local = await runLocal(wordCount, [{ path: '/in/words.txt', content: input }], { reducers: 2, splitBytes: MB });
  oracle = local.partitions.map((p) => formatRecords(p));
});

afterAll(async () => {
  await cluster?.stop();
});

/** How long the job took, by the master's clock: submitted to finished. */
function jobTime({ status }: SubmitResult): number {
  const timed = status as unknown as { submittedAt: number; finishedAt: number };
  return timed.finishedAt - timed.submittedAt;
}

test('skip mode: a record that failed twice is skipped and counted, and the job succeeds', async () => {
  await cluster.client().writeFile('/bad/in.txt', Buffer.from('fine\nalso fine\npoison pill\nfine\n'));
  const { status } = await submitAndWait(cluster, THROWS, [
    '--input', '/bad', '--output', '/out/skip', '--skip-bad-records', '2', '--no-speculation',
  ]);
  expect(status.state).toBe('SUCCEEDED');
  expect(status.counters.SKIPPED_RECORDS).toBe(1);
  expect(status.counters.FAILED_MAPS).toBe(2);
  expect((await cluster.client().readFile('/out/skip/part-r-00000')).toString()).toBe('also fine\t1\nfine\t2\n');
});

describe('a straggler', () => {
  const args = (output: string) => ['--input', '/in', '--output', output, '--reducers', '2'];
  let baselineMs: number;
  /**
   * "Close to the baseline", generously (a loaded 2-core machine makes run times vary):
   * at most twice the baseline plus 3 s. The straggler alone adds 15 s to any attempt it
   * runs, so a job that waits for it is far outside this.
   */
  const closeToBaseline = (ms: number) => ms <= 2 * baselineMs + 3000;

  beforeAll(async () => {
    // The baseline: the same job on the same cluster before any worker is slow. Then
    // worker 1 becomes the straggler.
    const baseline = await submitAndWait(cluster, WORD_COUNT, args('/out/baseline'));
    expect(baseline.status.state).toBe('SUCCEEDED');
    await expectExactlyOnceOutput(cluster, baseline.status.jobId, '/out/baseline', oracle);
    baselineMs = jobTime(baseline);
    await cluster.replaceWorker(0, ['--task-delay', `${STRAGGLER_DELAY_MS}ms`]);
  });

  test('with speculation, backup attempts finish the job close to the no-straggler time', async () => {
    const result = await submitAndWait(cluster, WORD_COUNT, args('/out/spec'));
    expect(result.status.state).toBe('SUCCEEDED');
    expect(result.status.counters.SPECULATIVE_ATTEMPTS).toBeGreaterThanOrEqual(1);
    const ms = jobTime(result);
    expect({ baselineMs, withSpeculationMs: ms, close: closeToBaseline(ms) }).toEqual({ baselineMs, withSpeculationMs: ms, close: true });
    expect(ms).toBeLessThan(STRAGGLER_DELAY_MS);
    await expectExactlyOnceOutput(cluster, result.status.jobId, '/out/spec', oracle);
  });

  test('without speculation, the job waits for the straggler: not close to the no-straggler time', async () => {
    const result = await submitAndWait(cluster, WORD_COUNT, [...args('/out/no-spec'), '--no-speculation']);
    expect(result.status.state).toBe('SUCCEEDED');
    expect(result.status.counters.SPECULATIVE_ATTEMPTS ?? 0).toBe(0);
    const ms = jobTime(result);
    expect({ baselineMs, withoutSpeculationMs: ms, close: closeToBaseline(ms) }).toEqual({ baselineMs, withoutSpeculationMs: ms, close: false });
    expect(ms).toBeGreaterThanOrEqual(STRAGGLER_DELAY_MS);
    await expectExactlyOnceOutput(cluster, result.status.jobId, '/out/no-spec', oracle);
  });
});
