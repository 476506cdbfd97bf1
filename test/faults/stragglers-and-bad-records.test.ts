// A worker made artificially slow (every attempt sleeps 15 s first): with speculative
// execution the job finishes long before the straggler would, from backup attempts; without
// it the job waits for the straggler. And skip mode: a record that keeps failing is skipped
// and counted instead of failing the job.
import path from 'node:path';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';
import { TestCluster } from '../harness/cluster';
import { expectExactlyOnceOutput, submitAndWait } from '../harness/job';
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
  await cluster.replaceWorker(0, ['--task-delay', `${STRAGGLER_DELAY_MS}ms`]);
  const local = await runLocal(wordCount, [{ path: '/in/words.txt', content: input }], { reducers: 2, splitBytes: MB });
  oracle = local.partitions.map((p) => formatRecords(p));
});

afterAll(async () => {
  await cluster?.stop();
});

interface Timed {
  submittedAt: number;
  finishedAt: number;
}

test('with speculation, backup attempts finish the job long before the straggler would', async () => {
  const { status } = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/spec', '--reducers', '2']);
  expect(status.state).toBe('SUCCEEDED');
  expect(status.counters.SPECULATIVE_ATTEMPTS).toBeGreaterThanOrEqual(1);
  const timed = status as unknown as Timed;
  expect(timed.finishedAt - timed.submittedAt).toBeLessThan(STRAGGLER_DELAY_MS);
  await expectExactlyOnceOutput(cluster, status.jobId, '/out/spec', oracle);
});

test('without speculation, the job waits for the straggler', async () => {
  const { status } = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/no-spec', '--reducers', '2', '--no-speculation']);
  expect(status.state).toBe('SUCCEEDED');
  expect(status.counters.SPECULATIVE_ATTEMPTS ?? 0).toBe(0);
  const timed = status as unknown as Timed;
  expect(timed.finishedAt - timed.submittedAt).toBeGreaterThanOrEqual(STRAGGLER_DELAY_MS);
  await expectExactlyOnceOutput(cluster, status.jobId, '/out/no-spec', oracle);
});

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
