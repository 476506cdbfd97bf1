// Map and reduce attempts end to end on one worker, against a real mini DFS and a fake
// master: the output must equal runLocal's on the same input.
// The task threads run dist/task-thread.js: build first with `npx tsc -b packages/worker`.
import { AttemptState, TaskType, type TaskAssignment } from '@tsmr/common';
import { formatRecords, runLocal, validateJob, type AnyJob } from '@tsmr/sdk';
import {
  FakeMaster,
  attemptIdOf,
  bundleExample,
  jobIdOf,
  jobSource,
  putFile,
  startMiniDfs,
  startTestWorker,
  stopAll,
  type MiniDfs,
} from './helpers';

jest.setTimeout(60_000);
afterEach(stopAll);

const BLOCK = 1024;

/** Lines that make block edges hard: CRLF, multi-byte characters, empty lines, no final newline. */
function trickyText(): Buffer {
  let seed = 7;
  const rand = (n: number) => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
  const words = ['alpha', 'Beta', 'gamma', 'déjà', 'vu', '😀', 'naïve', '日本語', 'x', 'THE', 'the', '€uro'];
  // Block 0 ends inside a 4-byte character; block 2 starts exactly at a line start.
  const first = `${'a '.repeat(511)}😀\n`;
  const lines: string[] = [first, `${'b'.repeat(2 * BLOCK - Buffer.byteLength(first) - 1)}\n`];
  while (Buffer.byteLength(lines.join('')) < 9 * BLOCK) {
    const n = rand(12);
    const line = Array.from({ length: n }, () => words[rand(words.length)]).join(rand(3) === 0 ? '  ' : ' ');
    lines.push(line + (rand(4) === 0 ? '\r\n' : '\n'));
    if (rand(10) === 0) lines.push('\n');
    if (rand(40) === 0) lines.push(`${'long '.repeat(300)}\n`); // longer than a block
  }
  return Buffer.from(`${lines.join('')}tail without newline ünï`, 'utf8');
}

function loadJob(code: Buffer): AnyJob {
  const mod: { exports: { default?: unknown } } = { exports: {} };
  new Function('module', 'exports', 'require', code.toString())(mod, mod.exports, require);
  const job = mod.exports.default;
  validateJob(job);
  return job;
}

interface JobRun {
  partFiles: string[];
  counters: Record<string, number>;
}

/** Runs every map, then every reduce, as a master would; returns the part files' text. */
async function runJob(
  master: FakeMaster,
  dfs: MiniDfs,
  job: number,
  splits: Awaited<ReturnType<typeof putFile>>,
  reducers: number,
  params: Record<string, string> = {},
): Promise<JobRun> {
  const jobId = jobIdOf(job);
  const output = `/out/${jobId}`;
  // The master claims OUTPUT/_temporary at submit; attempts write below it.
  await dfs.client.mkdirs(`${output}/_temporary`, { parents: true });
  const common = { jobId, reducers, params, output };
  const maps: TaskAssignment[] = splits.map((split, i) => ({
    ...common,
    attemptId: attemptIdOf(job, 'm', i),
    type: TaskType.MAP,
    taskIndex: i,
    split,
  }));
  const counters: Record<string, number> = {};
  const add = (c: Record<string, number>) => {
    for (const [k, v] of Object.entries(c)) counters[k] = (counters[k] ?? 0) + v;
  };
  const mapReports = await master.run(...maps);
  for (const r of mapReports) {
    expect(r).toMatchObject({ state: AttemptState.SUCCEEDED, error: '' });
    add(r.counters);
  }
  if (reducers === 0) {
    const partFiles = await Promise.all(
      maps.map((m, i) => dfs.client.readFile(`${output}/_temporary/${m.attemptId}/part-m-${String(i).padStart(5, '0')}`)),
    );
    return { partFiles: partFiles.map((b) => b.toString('utf8')), counters };
  }
  const worker = master.heartbeats.at(-1)?.shuffleAddress as string;
  const mapOutputs = maps.map((m, i) => ({ mapIndex: i, attemptId: m.attemptId, shuffleAddress: worker }));
  const reduces: TaskAssignment[] = Array.from({ length: reducers }, (_, p) => ({
    ...common,
    attemptId: attemptIdOf(job, 'r', p),
    type: TaskType.REDUCE,
    taskIndex: p,
    mapOutputs,
  }));
  const reduceReports = await master.run(...reduces);
  for (const r of reduceReports) {
    expect(r).toMatchObject({ state: AttemptState.SUCCEEDED, error: '' });
    add(r.counters);
  }
  const partFiles = await Promise.all(
    reduces.map((r, p) => dfs.client.readFile(`${output}/_temporary/${r.attemptId}/part-r-${String(p).padStart(5, '0')}`)),
  );
  return { partFiles: partFiles.map((b) => b.toString('utf8')), counters };
}

const SDK_COUNTERS = [
  'MAP_INPUT_RECORDS',
  'MAP_OUTPUT_RECORDS',
  'COMBINE_INPUT_RECORDS',
  'COMBINE_OUTPUT_RECORDS',
  'REDUCE_INPUT_GROUPS',
  'REDUCE_INPUT_RECORDS',
  'REDUCE_OUTPUT_RECORDS',
];
const pick = (c: Record<string, number>) => Object.fromEntries(SDK_COUNTERS.map((k) => [k, c[k] ?? 0]));

describe('map and reduce attempts', () => {
  test('the input crosses block edges as runLocal reads it (CRLF, UTF-8 split at an edge, empty lines, no final newline)', () => {
    const text = trickyText();
    // The fixture must really hold the hard cases at block edges.
    const edges = Array.from({ length: Math.floor(text.length / BLOCK) }, (_, i) => (i + 1) * BLOCK);
    expect(edges.some((e) => (text[e] as number) >= 0x80 && (text[e] as number) < 0xc0)).toBe(true); // mid-character
    expect(edges.some((e) => text[e - 1] === 0x0a)).toBe(true); // a line starts exactly at an edge
    expect(text.includes('\r\n')).toBe(true);
    expect(text.includes('\n\n')).toBe(true);
    expect(text[text.length - 1]).not.toBe(0x0a);
  });

  test.each([1, 3])('word count with %i reducer(s) equals runLocal, counters included', async (reducers) => {
    const dfs = await startMiniDfs();
    const master = await FakeMaster.start();
    const text = trickyText();
    const splits = await putFile(dfs, '/in/words.txt', text, BLOCK);
    expect(splits.length).toBeGreaterThan(8);
    const code = bundleExample('word-count');
    master.bundles.set(jobIdOf(1), code);
    await startTestWorker(master, dfs);

    const result = await runJob(master, dfs, 1, splits, reducers);
    const oracle = runLocal(loadJob(code), text, { reducers, splitBytes: BLOCK });
    expect(result.partFiles).toEqual(oracle.partitions.map((p) => formatRecords(p)));
    expect(pick(result.counters)).toEqual(pick(oracle.counters));
    expect(result.counters.HDFS_BYTES_READ).toBeGreaterThanOrEqual(text.length);
    expect(result.counters.HDFS_BYTES_WRITTEN).toBe(result.partFiles.reduce((n, t) => n + Buffer.byteLength(t), 0));
    expect(result.counters.REDUCE_SHUFFLE_BYTES).toBeGreaterThan(0);
    expect(result.counters.SPILLED_RECORDS).toBe(result.counters.COMBINE_OUTPUT_RECORDS);
    expect(master.bundleFetches).toBe(1);
  });

  test('splits of many map batches (64 KiB each) read as runLocal reads them, lines longer than a batch included', async () => {
    const dfs = await startMiniDfs();
    const master = await FakeMaster.start();
    // 256 KiB blocks: each split is several batches. Lines of every length, some of 70 to
    // 300 KiB (across batch and block edges), multi-byte characters, CRLF and empty lines.
    let seed = 11;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pieces = ['word', 'é', '日本語', '😀', ' ', '\r'];
    // The first line ends where the first batch does: the next starts exactly at a batch edge.
    const lines: string[] = ['x'.repeat(64 * 1024 - 1)];
    while (Buffer.byteLength(lines.join('\n')) < 1536 * 1024) {
      const long = rand(25) === 0;
      const length = long ? 70_000 + rand(230_000) : rand(200);
      let line = '';
      while (line.length < length) line += pieces[rand(pieces.length)];
      lines.push(line);
    }
    const text = Buffer.from(lines.join('\n'), 'utf8');
    const blockSize = 256 * 1024;
    const splits = await putFile(dfs, '/in/long-lines.txt', text, blockSize);
    const code = jobSource(`{
      name: 'line-shapes',
      map(line, ctx) { ctx.emit(line.length, line); },
    }`);
    master.bundles.set(jobIdOf(9), code);
    await startTestWorker(master, dfs);

    const result = await runJob(master, dfs, 9, splits, 0);
    const oracle = runLocal(loadJob(code), [{ path: '/in/long-lines.txt', content: text }], { reducers: 0, splitBytes: blockSize });
    expect(oracle.counters.MAP_INPUT_RECORDS).toBe(lines.length);
    expect(lines.filter((l) => l.length >= 70_000).length).toBeGreaterThan(3);
    expect(result.partFiles).toEqual(oracle.partitions.map((p) => formatRecords(p)));
  });

  test('map-only output: one part-m per map, in emit order', async () => {
    const dfs = await startMiniDfs();
    const master = await FakeMaster.start();
    const text = trickyText();
    const splits = await putFile(dfs, '/in/grep.txt', text, BLOCK);
    const code = jobSource(`{
      name: 'grep', params: { pattern: 'x' },
      map(line, ctx) { if (line.includes(ctx.params.pattern)) ctx.emit(ctx.inputPath, line); },
    }`);
    master.bundles.set(jobIdOf(2), code);
    await startTestWorker(master, dfs);

    const result = await runJob(master, dfs, 2, splits, 0, { pattern: 'é' });
    const oracle = runLocal(loadJob(code), [{ path: '/in/grep.txt', content: text }], {
      reducers: 0,
      splitBytes: BLOCK,
      params: { pattern: 'é' },
    });
    expect(result.partFiles).toEqual(oracle.partitions.map((p) => formatRecords(p)));
    expect(result.partFiles.join('')).toContain('déjà');
  });

  test('spills (a tiny sort buffer) merge to the same output, equal keys keeping emit order', async () => {
    const dfs = await startMiniDfs();
    const master = await FakeMaster.start();
    // Over 1 MiB per split, so a map gets several batches and spills several times.
    const line = (i: number) => `${i % 97} ${'w'.repeat(i % 13)} ${i} the end\n`;
    const text = Buffer.from(Array.from({ length: 120_000 }, (_, i) => line(i)).join(''));
    const blockSize = 2 * 1024 * 1024;
    const splits = await putFile(dfs, '/in/big.txt', text, blockSize);
    expect(splits.length).toBe(2);
    // No combiner and the identity reduce: the values' order within a key shows in the output.
    const code = jobSource(`{
      name: 'by-length',
      map(line, ctx) { ctx.emit(line.length % 7, line.slice(0, 12)); },
    }`);
    master.bundles.set(jobIdOf(3), code);
    master.bundles.set(jobIdOf(4), bundleExample('word-count'));
    await startTestWorker(master, dfs, { sortBuffer: '1KB' });

    const identity = await runJob(master, dfs, 3, splits, 3);
    const oracle = runLocal(loadJob(code), text, { reducers: 3, splitBytes: blockSize });
    expect(identity.partFiles).toEqual(oracle.partitions.map((p) => formatRecords(p)));
    expect(pick(identity.counters)).toEqual(pick(oracle.counters));
    expect(identity.counters.SPILLED_RECORDS).toBeGreaterThan(identity.counters.MAP_OUTPUT_RECORDS as number);

    const words = await runJob(master, dfs, 4, splits, 3);
    const wordsOracle = runLocal(loadJob(bundleExample('word-count')), text, { reducers: 3, splitBytes: blockSize });
    expect(words.partFiles).toEqual(wordsOracle.partitions.map((p) => formatRecords(p)));
  });

  test('reduce input past the shuffle buffer goes to disk and merges in passes to the same output', async () => {
    const dfs = await startMiniDfs();
    const master = await FakeMaster.start();
    const text = trickyText();
    const splits = await putFile(dfs, '/in/words.txt', text, BLOCK);
    // No combiner and the identity reduce: the values' order within a key shows in the output.
    const code = jobSource(`{
      name: 'first-letters',
      map(line, ctx) { for (const w of line.split(' ')) if (w) ctx.emit(Array.from(w)[0], w); },
    }`);
    master.bundles.set(jobIdOf(5), code);
    // Every segment is over a quarter of 1 KB, so each goes to disk; 2 at a time means passes.
    await startTestWorker(master, dfs, { shuffleBuffer: '1KB', mergeFactor: 2 });

    const result = await runJob(master, dfs, 5, splits, 2);
    const oracle = runLocal(loadJob(code), text, { reducers: 2, splitBytes: BLOCK });
    expect(result.partFiles).toEqual(oracle.partitions.map((p) => formatRecords(p)));
    expect(pick(result.counters)).toEqual(pick(oracle.counters));
    // The maps spilled each record once; the reduces' merge passes wrote more.
    expect(result.counters.SPILLED_RECORDS).toBeGreaterThan(result.counters.MAP_OUTPUT_RECORDS as number);
  });

  test('the identity reduce writes string records from their bytes and formats the others, as runLocal does', async () => {
    const dfs = await startMiniDfs();
    const master = await FakeMaster.start();
    const text = trickyText();
    const splits = await putFile(dfs, '/in/mixed.txt', text, BLOCK);
    // String keys with values of every kind (string, number, object, Buffer), and keys of other kinds now and then.
    const code = jobSource(`{
      name: 'mixed-values',
      map(line, ctx) {
        const chars = Array.from(line);
        const n = chars.length;
        const key = n % 11 === 0 ? n : chars.slice(0, 3).join('');
        const kinds = [chars.slice(-4).join(''), n, { n, tail: chars.slice(-2).join('') }, Buffer.from(line)];
        ctx.emit(key, kinds[n % kinds.length]);
      },
    }`);
    master.bundles.set(jobIdOf(6), code);
    await startTestWorker(master, dfs);

    const result = await runJob(master, dfs, 6, splits, 2);
    const oracle = runLocal(loadJob(code), text, { reducers: 2, splitBytes: BLOCK });
    expect(result.partFiles).toEqual(oracle.partitions.map((p) => formatRecords(p)));
    expect(pick(result.counters)).toEqual(pick(oracle.counters));
  });
});
