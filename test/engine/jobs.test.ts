// MapReduce jobs on a real cluster (namenode, 3 datanodes, master, 3 workers as separate
// processes), with 1 MB blocks; every output is compared with runLocal, the in-process oracle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatRecords, runLocal } from '../../packages/sdk/src';
import wordCount from '../../examples/word-count/job';
import uniqueUsers from '../../examples/unique-users/job';
import { generateLogs } from '../../examples/unique-users/generate-logs';
import { TestCluster, waitFor } from '../harness/cluster';
import { jobAttempts, readParts, submit, submitAndWait } from '../harness/job';

const MB = 1024 * 1024;
const WORD_COUNT = path.resolve(__dirname, '../../examples/word-count/job.ts');
const UNIQUE_USERS = path.resolve(__dirname, '../../examples/unique-users/job.ts');
const SLOW = path.resolve(__dirname, '../jobs/slow-word-count.ts');
jest.setTimeout(240_000);

let cluster: TestCluster;
let work: string;

/**
 * ~3.3 MB of text whose lines cross the 1 MB block edges: a 3-byte character straddles
 * the first edge, a 4-byte emoji the second, with CRLF line ends, empty lines, and a
 * last line without a newline.
 */
function edgyText(): Buffer {
  const words = ['alpha', 'Beta', 'gamma', 'delta', 'été', 'naïve', '日本語', 'x', 'the', 'THE'];
  const line = (i: number) => Array.from({ length: 1 + (i % 13) }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');
  const parts: Buffer[] = [];
  let size = 0;
  const add = (text: string) => {
    const b = Buffer.from(text, 'utf8');
    parts.push(b);
    size += b.length;
  };
  /** Lines until exactly `target` bytes, padding the last one with 'z's. */
  const fillTo = (target: number, start: number) => {
    let i = start;
    while (size + 80 < target) add(`${line(i++)}${i % 5 === 0 ? '\r\n' : '\n'}${i % 11 === 0 ? '\n' : ''}`);
    add('z'.repeat(target - size));
    return i;
  };
  let i = fillTo(MB - 1, 0);
  add('日本 crosses the first edge\r\n'); // '日' is bytes MB-1 .. MB+1
  i = fillTo(2 * MB - 2, i);
  add('😀 crosses the second edge\n'); // the emoji is bytes 2MB-2 .. 2MB+1
  fillTo(3 * MB + 300_000, i);
  add('\n\nlast line without newline');
  return Buffer.concat(parts);
}

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 3, blockSize: '1MB', replication: 2 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-jobs-'));
  const client = cluster.client();
  await client.writeFile('/in/edgy.txt', edgyText());
  const logs: string[] = [];
  const truth = generateLogs({ bytes: 4 * MB, users: 3000, month: '2026-11', seed: 7 }, (chunk) => logs.push(chunk));
  fs.writeFileSync(path.join(work, 'truth.json'), JSON.stringify(truth));
  await client.writeFile('/logs/2026-11/access.log', Buffer.from(logs.join('')));
});

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test.each([1, 3, 7])('word count over block edges equals the oracle with %d reducers', async (reducers) => {
  const output = `/out/wc-${reducers}`;
  const { code, status, stderr } = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', output, '--reducers', String(reducers)]);
  expect(stderr).not.toMatch(/error/i);
  expect(code).toBe(0);
  expect(status.state).toBe('SUCCEEDED');
  const oracle = await runLocal(wordCount, [{ path: '/in/edgy.txt', content: edgyText() }], { reducers, splitBytes: MB });
  const parts = await readParts(cluster, output);
  expect([...parts.keys()].sort()).toEqual(Array.from({ length: reducers }, (_, i) => `part-r-${String(i).padStart(5, '0')}`));
  oracle.partitions.forEach((partition, i) => {
    expect(parts.get(`part-r-${String(i).padStart(5, '0')}`)).toBe(formatRecords(partition));
  });
  expect(await cluster.client().exists(`${output}/_SUCCESS`)).toBe(true);
  expect(await cluster.client().exists(`${output}/_temporary`)).toBe(false);
  expect(status.counters.MAP_INPUT_RECORDS).toBe(oracle.counters.MAP_INPUT_RECORDS);
  expect(status.counters.REDUCE_OUTPUT_RECORDS).toBe(oracle.counters.REDUCE_OUTPUT_RECORDS);
});

test('monthly unique users equals the generator\'s truth', async () => {
  const truth = JSON.parse(fs.readFileSync(path.join(work, 'truth.json'), 'utf8'));
  const { status } = await submitAndWait(cluster, UNIQUE_USERS, [
    '--input', '/logs/2026-11', '--output', '/out/uu', '--reducers', '3', '--param', 'month=2026-11',
  ]);
  expect(status.state).toBe('SUCCEEDED');
  expect(status.counters['unique-users']).toBe(truth.uniqueUsers);
  const client = cluster.client();
  const local = await runLocal(uniqueUsers, [{ path: '/logs/2026-11/access.log', content: await client.readFile('/logs/2026-11/access.log') }], {
    reducers: 3,
    splitBytes: MB,
    params: { month: '2026-11' },
  });
  const parts = await readParts(cluster, '/out/uu');
  local.partitions.forEach((partition, i) => expect(parts.get(`part-r-0000${i}`)).toBe(formatRecords(partition)));
});

test('on an idle 3-node cluster with replication 2, at least 90% of maps are data-local', async () => {
  const client = cluster.client();
  await client.writeFile('/local/data.txt', Buffer.from('one two three four\n'.repeat(600_000)));
  const { status } = await submitAndWait(cluster, WORD_COUNT, ['--input', '/local', '--output', '/out/local']);
  expect(status.state).toBe('SUCCEEDED');
  const maps = (await client.getBlockLocations('/local/data.txt')).blocks.length;
  expect(maps).toBeGreaterThanOrEqual(10);
  expect(status.counters.DATA_LOCAL_MAPS).toBeGreaterThanOrEqual(Math.ceil(0.9 * maps));
});

test('a failure-free run launches exactly one attempt per task, and history says when and where each ran', async () => {
  const { status } = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/once', '--reducers', '2']);
  const history = JSON.parse((await cluster.tsmr(['job', 'history', status.jobId, '--json'])).stdout.toString());
  const tasks = new Set(history.attempts.map((a: { taskId: string }) => a.taskId));
  expect(history.attempts).toHaveLength(tasks.size);
  expect(tasks.size).toBe(4 + 2); // 4 blocks, 2 reducers
  expect(status.counters.LAUNCHED_MAPS).toBe(4);
  expect(status.counters.LAUNCHED_REDUCES).toBe(2);
  for (const a of history.attempts) {
    expect(a.state).toBe('SUCCEEDED');
    expect(a.committed).toBe(true);
    expect(a.queuedAt).toBeLessThanOrEqual(a.startedAt);
    expect(a.startedAt).toBeLessThanOrEqual(a.finishedAt);
    expect(a.workerId).not.toBe('');
  }
  expect(history.queueDelay.count).toBe(6);
  expect(history.runTime.count).toBe(6);
  const text = (await cluster.tsmr(['job', 'history', status.jobId])).stdout.toString();
  expect(text).toMatch(/queue delay \(6\): min .* median .* p95 .* max/);
});

test('two jobs submitted at once both finish correctly', async () => {
  const [a, b] = await Promise.all([
    submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/two-a', '--reducers', '2']),
    submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/two-b', '--reducers', '3']),
  ]);
  expect([a.status.state, b.status.state]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
  const content = edgyText();
  for (const [output, reducers] of [['/out/two-a', 2], ['/out/two-b', 3]] as const) {
    const oracle = await runLocal(wordCount, [{ path: '/in/edgy.txt', content }], { reducers, splitBytes: MB });
    const parts = await readParts(cluster, output);
    oracle.partitions.forEach((p, i) => expect(parts.get(`part-r-0000${i}`)).toBe(formatRecords(p)));
  }
});

test('--reducers 0 writes map output straight to the output dir (and --output-replication sets its replication)', async () => {
  const { status } = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/map-only', '--reducers', '0', '--output-replication', '1']);
  expect(status.state).toBe('SUCCEEDED');
  const oracle = await runLocal(wordCount, [{ path: '/in/edgy.txt', content: edgyText() }], { reducers: 0, splitBytes: MB });
  const parts = await readParts(cluster, '/out/map-only');
  expect([...parts.keys()].sort()).toEqual(['part-m-00000', 'part-m-00001', 'part-m-00002', 'part-m-00003']);
  oracle.partitions.forEach((p, i) => expect(parts.get(`part-m-0000${i}`)).toBe(formatRecords(p)));
  // The cluster's default is 2; the job asked for 1.
  for (const name of parts.keys()) expect((await cluster.client().stat(`/out/map-only/${name}`)).replication).toBe(1);
  expect((await cluster.client().stat('/in/edgy.txt')).replication).toBe(2);
});

test('job submit --wait shows progress (maps and reduces done/total) then the counters; job counters shows the same', async () => {
  const result = await cluster.tsmr(['job', 'submit', WORD_COUNT, '--input', '/in', '--output', '/out/progress', '--reducers', '2', '--wait']);
  expect(result.code).toBe(0);
  const lines = result.stderr.trim().split('\n');
  const jobId = /^submitted (job_\S+) \(job\.ts\)$/.exec(lines[0]!)?.[1];
  expect(jobId).toBeDefined();
  // Every other stderr line is a progress line (stderr is not a TTY: one line per change).
  const progress = lines.slice(1).map((line) => {
    const m = /^(job_\S+) (PENDING|RUNNING|SUCCEEDED) +map \[([#.]{20})\] (\d+)\/(\d+)  reduce \[([#.]{20})\] (\d+)\/(\d+)$/.exec(line);
    expect([line, m !== null]).toEqual([line, true]);
    const [, id, state, mapBar, mapsDone, mapsTotal, reduceBar, reducesDone, reducesTotal] = m!;
    return { id, state, mapBar: mapBar!, reduceBar: reduceBar!, mapsDone: Number(mapsDone), mapsTotal: Number(mapsTotal), reducesDone: Number(reducesDone), reducesTotal: Number(reducesTotal) };
  });
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(progress[0]!.mapsDone).toBeLessThan(4);
  let previous = { mapsDone: 0, reducesDone: 0 };
  for (const p of progress) {
    expect([p.id, p.mapsTotal, p.reducesTotal]).toEqual([jobId, 4, 2]);
    expect(p.mapBar.replace(/\./g, '').length).toBe(Math.round((p.mapsDone / 4) * 20));
    expect(p.reduceBar.replace(/\./g, '').length).toBe(Math.round((p.reducesDone / 2) * 20));
    expect(p.mapsDone).toBeGreaterThanOrEqual(previous.mapsDone);
    expect(p.reducesDone).toBeGreaterThanOrEqual(previous.reducesDone);
    previous = p;
  }
  expect(progress.at(-1)).toMatchObject({ state: 'SUCCEEDED', mapsDone: 4, reducesDone: 2, mapBar: '#'.repeat(20), reduceBar: '#'.repeat(20) });

  // stdout: the final status, then the counters, one `  NAME  value` line each.
  const stdout = result.stdout.toString();
  expect(stdout).toMatch(new RegExp(`^job: +${jobId} \\(word-count\\)\\nstate: +SUCCEEDED\\nmaps: +4/4\\nreduces: +2/2\\n`));
  const countersText = stdout.slice(stdout.indexOf('counters:\n') + 'counters:\n'.length);
  const counters = Object.fromEntries(countersText.trimEnd().split('\n').map((line) => {
    const m = /^ {2}(\S+) +(\d+)$/.exec(line);
    expect([line, m !== null]).toEqual([line, true]);
    return [m![1]!, Number(m![2])];
  }));
  const oracle = await runLocal(wordCount, [{ path: '/in/edgy.txt', content: edgyText() }], { reducers: 2, splitBytes: MB });
  expect(counters).toMatchObject({
    MAP_INPUT_RECORDS: oracle.counters.MAP_INPUT_RECORDS,
    MAP_OUTPUT_RECORDS: oracle.counters.MAP_OUTPUT_RECORDS,
    REDUCE_OUTPUT_RECORDS: oracle.counters.REDUCE_OUTPUT_RECORDS,
    LAUNCHED_MAPS: 4,
    LAUNCHED_REDUCES: 2,
  });

  const again = await cluster.tsmr(['job', 'counters', jobId!]);
  expect([again.code, again.stderr]).toEqual([0, '']);
  expect(again.stdout.toString()).toBe(countersText);
  const json = await cluster.tsmr(['job', 'counters', jobId!, '--json']);
  expect(JSON.parse(json.stdout.toString())).toEqual(counters);
});

test('job kill stops a running job: KILLED, its output dir gone, and the cluster keeps serving', async () => {
  const output = '/out/killed';
  // Pauses 500 ms every 500 lines: each map would run for many seconds.
  const jobId = await submit(cluster, SLOW, ['--input', '/in', '--output', output, '--reducers', '2', '--param', 'delayMs=500']);
  await waitFor('a map attempt to be running', async () => (await jobAttempts(cluster, jobId)).some((a) => a.state === 'RUNNING'), 30_000, 50);
  expect(await cluster.client().exists(`${output}/_temporary`)).toBe(true);

  const kill = await cluster.tsmr(['job', 'kill', jobId]);
  expect([kill.code, kill.stderr, kill.stdout.toString()]).toEqual([0, '', `${jobId} KILLED\n`]);
  const status = async () => JSON.parse((await cluster.tsmr(['job', 'status', jobId, '--json'])).stdout.toString());
  expect((await status()).state).toBe('KILLED');
  expect(await cluster.client().exists(output)).toBe(false);
  const ls = await cluster.tsmr(['dfs', 'ls', output]);
  expect(ls.code).not.toBe(0);
  expect(ls.stderr).toMatch(/NOT_FOUND/);
  // Its attempts stop, and nothing of it comes back later.
  await waitFor('the attempts of the killed job to stop', async () => (await jobAttempts(cluster, jobId)).every((a) => a.state !== 'RUNNING'), 15_000, 100);
  expect((await status()).state).toBe('KILLED');
  expect(await cluster.client().exists(output)).toBe(false);

  const next = await submitAndWait(cluster, WORD_COUNT, ['--input', '/in', '--output', '/out/after-kill', '--reducers', '2']);
  expect(next.status.state).toBe('SUCCEEDED');
  const oracle = await runLocal(wordCount, [{ path: '/in/edgy.txt', content: edgyText() }], { reducers: 2, splitBytes: MB });
  const parts = await readParts(cluster, '/out/after-kill');
  oracle.partitions.forEach((p, i) => expect(parts.get(`part-r-0000${i}`)).toBe(formatRecords(p)));
});
