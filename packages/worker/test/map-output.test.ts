// The map output buffer's hash grouping, spills and merge give exactly what runLocal's
// sort gives: keys of every kind in the one order, equal keys in emit order.
import fs from 'node:fs';
import path from 'node:path';
import {
  COMBINE_CHECK_RECORDS,
  Counters,
  decodeRecords,
  encodeRecords,
  groupSorted,
  partitionOf,
  runCombine,
  runLocal,
  sortRecords,
  type AnyJob,
  type Value,
} from '@tsmr/sdk';
import { MapOutputBuffer } from '../src/map-output';
import { readIndex } from '../src/map-output-index';
import { mergeGroups } from '../src/merge';
import { RunReader } from '../src/run-reader';
import { stopAll, tempDir } from './helpers';

afterEach(stopAll);

const KEYS: Value[] = [
  'b', 'a', 'B', '😀', '\uffff', '', 3, -0, 0, 2.5, -7, null, true, false,
  Buffer.from([1, 2]), Buffer.from([1]), [1, 'a'], [1], { b: 1, a: 2 }, { a: 2, b: 1 }, { a: [null] },
];

function records(n: number): Array<[Value, Value]> {
  return Array.from({ length: n }, (_, i) => [KEYS[(i * 7) % KEYS.length] as Value, i]);
}

/** A map output buffer over `job` in a temp dir; its counters and where its output goes. */
function mapOutput(job: AnyJob, reducers: number, sortBufferBytes: number) {
  const dir = tempDir();
  const counters = new Counters();
  const buffer = new MapOutputBuffer({
    job,
    params: {},
    reducers,
    sortBufferBytes,
    progressed: () => {},
    spillDir: path.join(dir, 'spill'),
    outputDir: path.join(dir, 'out'),
    counters,
  });
  const partition = (p: number) => {
    const segment = readIndex(path.join(dir, 'out'))?.partitions[p] as { offset: number; length: number };
    return decodeRecords(fs.readFileSync(path.join(dir, 'out', 'file.out')).subarray(segment.offset, segment.offset + segment.length));
  };
  const spills = () => (fs.existsSync(path.join(dir, 'spill')) ? fs.readdirSync(path.join(dir, 'spill')).length : 0);
  return { buffer, counters, partition, spills };
}

/** A job whose combiner emits each key's value count; `combines()` says how many groups it got. */
function countingCombiner(name: string, map: AnyJob['map'] = () => {}) {
  let combines = 0;
  const job: AnyJob = {
    name,
    map,
    combine: (key: Value, values: Value[], ctx: { emit(k: Value, v: Value): void }) => {
      combines++;
      ctx.emit(key, values.length);
    },
  };
  return { job, combines: () => combines };
}

test('mergeGroups of sorted runs equals grouping the stable sort of the runs concatenated', () => {
  const runs = [records(50), records(31).reverse(), [], records(5)].map((r) => sortRecords(r));
  const readers = runs.map((run) => RunReader.ofBuffer(encodeRecords(run)));
  // Decoding brings Buffers back as Buffers and -0 as 0.
  const expected = decodeRecords(encodeRecords(sortRecords(runs.flat())));
  expect([...mergeGroups(readers)]).toEqual(groupSorted(expected));
});

test.each([0, 1, 2, 3, 5, 8, 13, 17])('mergeGroups of %i sorted runs with many equal keys is the stable sort of their concatenation', (k) => {
  let seed = k + 1;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const runs = Array.from({ length: k }, (_, r) =>
    sortRecords(Array.from({ length: rand(40) }, (_, i): [Value, Value] => [`k${rand(15)}`, `r${r}-${i}`])),
  );
  const readers = runs.map((run) => RunReader.ofBuffer(encodeRecords(run)));
  expect([...mergeGroups(readers)]).toEqual(groupSorted(sortRecords(runs.flat())));
});

test('mergeGroups orders keys with long shared prefixes as compareKeys does', () => {
  // Keys around the 12 bytes a run's prefix words hold (and the 8 they held before) and
  // beyond: ending before, at and after them, differing only past them or only in length,
  // with NULs that words pad with, and with characters whose UTF-8 and UTF-16 orders differ.
  const base = 'abcdefghijklmnop'; // 16 bytes
  const keys = [
    base, base.slice(0, 15), `${base}\0`, `${base}q`, `${base}qq`, `${base.slice(0, 15)}q`, `${base}\uffff`, `${base}😀`,
    `${base.slice(0, 14)}😀`, `${base.slice(0, 14)}\uffff`, `${base.slice(0, 13)}é`, `${base}\0\0`, '', 'a', `${base.slice(0, 15)}\0`,
    base.slice(0, 8), base.slice(0, 9), `${base.slice(0, 8)}X${base.slice(9)}`, `${base.slice(0, 10)}é${base.slice(11)}`, `${base.slice(0, 4)}😀${base}`,
    base.slice(0, 11), base.slice(0, 12), base.slice(0, 13), `${base.slice(0, 11)}\0`, `${base.slice(0, 12)}\0`, `${base.slice(0, 11)}\0\0`,
    `${base.slice(0, 12)}\0x`, `${base.slice(0, 11)}é`,
  ];
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const runs = Array.from({ length: 9 }, (_, r) =>
    sortRecords(Array.from({ length: 40 }, (_, i): [Value, Value] => [keys[rand(keys.length)] as string, `r${r}-${i}`])),
  );
  const readers = runs.map((run) => RunReader.ofBuffer(encodeRecords(run)));
  expect([...mergeGroups(readers)]).toEqual(groupSorted(sortRecords(runs.flat())));
});

test.each([
  ['in memory', 1 << 20],
  ['with spills', 200],
])('map output %s: each partition is the sorted records, equal keys in emit order', (_, sortBufferBytes) => {
  const job: AnyJob = { name: 'mixed', map() {} };
  const dir = tempDir();
  const counters = new Counters();
  let progress = 0;
  const buffer = new MapOutputBuffer({
    job,
    params: {},
    reducers: 3,
    sortBufferBytes,
    progressed: () => progress++,
    spillDir: path.join(dir, 'spill'),
    outputDir: path.join(dir, 'out'),
    counters,
  });
  const input = records(600);
  for (let i = 0; i < input.length; i += 50) buffer.collect(input.slice(i, i + 50));
  const lengths = buffer.finish();

  const index = readIndex(path.join(dir, 'out'));
  expect(index?.partitions.map((s) => s.length)).toEqual(lengths);
  const file = fs.readFileSync(path.join(dir, 'out', 'file.out'));
  for (let p = 0; p < 3; p++) {
    const segment = index?.partitions[p] as { offset: number; length: number };
    const got = decodeRecords(file.subarray(segment.offset, segment.offset + segment.length));
    const expected = sortRecords(input.filter(([k]) => partitionOf(job, k, 3, {}) === p));
    expect(got).toEqual(expected.map(([k, v]) => [k instanceof Uint8Array ? Buffer.from(k) : k === 0 ? 0 : k, v]));
  }
  const spills = fs.existsSync(path.join(dir, 'spill')) ? fs.readdirSync(path.join(dir, 'spill')).length : 0;
  if (sortBufferBytes < 1000) expect(spills).toBeGreaterThan(2);
  else expect(spills).toBe(0);
  // Every run written (each spill, and the merged output) marked progress.
  expect(progress).toBeGreaterThanOrEqual(spills + 1);
  expect(counters.get('SPILLED_RECORDS')).toBe(input.length * (spills === 0 ? 1 : 2));
});

test.each([
  ['in memory, no combiner', 1 << 20, false],
  ['with spills, no combiner', 300, false],
  ['in memory, with a combiner', 1 << 20, true],
  ['with spills, with a combiner', 300, true],
])('string keys only (sorted by their bytes), %s: each partition is what runLocal makes', (_, sortBufferBytes, combining) => {
  const job: AnyJob = {
    name: 'strings',
    map() {},
    // A combiner that keeps every value, tagged, so its input's order shows in the output.
    ...(combining ? { combine: (key: Value, values: Value[], ctx: { emit(k: Value, v: Value): void }) => ctx.emit(key, values.join(',')) } : {}),
  };
  const dir = tempDir();
  const buffer = new MapOutputBuffer({
    job,
    params: {},
    reducers: 2,
    sortBufferBytes,
    progressed: () => {},
    spillDir: path.join(dir, 'spill'),
    outputDir: path.join(dir, 'out'),
    counters: new Counters(),
  });
  const keys = ['b', 'a', '😀', '\uffff', '', 'a\u0000', 'http://example.com/a', 'http://example.com/b', 'é'];
  const input = Array.from({ length: 400 }, (_, i): [Value, Value] => [keys[(i * 7) % keys.length] as string, `v${i}`]);
  for (let i = 0; i < input.length; i += 40) buffer.collect(input.slice(i, i + 40));
  buffer.finish();

  const index = readIndex(path.join(dir, 'out'));
  const file = fs.readFileSync(path.join(dir, 'out', 'file.out'));
  for (let p = 0; p < 2; p++) {
    const segment = index?.partitions[p] as { offset: number; length: number };
    const got = decodeRecords(file.subarray(segment.offset, segment.offset + segment.length));
    const sorted = sortRecords(input.filter(([k]) => partitionOf(job, k, 2, {}) === p));
    if (!combining) {
      expect(got).toEqual(sorted);
    } else {
      // Spills combine each spill's groups, and their merge combines again.
      const groups = groupSorted(sorted);
      expect(got.map(([k]) => k)).toEqual(groups.map(([k]) => k));
      got.forEach(([, v], g) => expect(String(v).split(',')).toEqual(groups[g]?.[1]));
    }
  }
});

test('a combiner over string keys: lone records are copied, groups combined, in key order across many batches', () => {
  // Keys with one record and keys with several, interleaved in key order; more values than
  // one combine batch holds. The combiner shows it ran (and on what), emits twice for some
  // keys and nothing for others.
  const job: AnyJob = {
    name: 'lone-and-grouped',
    map() {},
    combine: (key: Value, values: Value[], ctx: { emit(k: Value, v: Value): void }) => {
      const k = String(key);
      if (k.endsWith('7')) return;
      ctx.emit(key, `combined:${values.join('+')}`);
      if (k.endsWith('3')) ctx.emit(key, 'again');
    },
  };
  const { buffer, counters, partition } = mapOutput(job, 2, 64 << 20);
  // Most keys repeat (≈ 3,000 keys in each partition of 20,000 records), so combining pays.
  const input = Array.from({ length: 40_000 }, (_, i): [Value, Value] => [i % 8 === 0 ? `k${i}` : `k${i % 1000}`, i]);
  for (let i = 0; i < input.length; i += 1000) buffer.collect(input.slice(i, i + 1000));
  buffer.finish();

  let written = 0;
  for (let p = 0; p < 2; p++) {
    const got = partition(p);
    const expected = runCombine(job, {}, groupSorted(sortRecords(input.filter(([k]) => partitionOf(job, k, 2, {}) === p)))).records;
    expect(got).toEqual(expected);
    expect(got.some(([, v]) => v === 'again')).toBe(true);
    expect(got.some(([, v]) => typeof v === 'number')).toBe(true); // lone records, as emitted
    written += got.length;
  }
  expect(counters.get('COMBINE_INPUT_RECORDS')).toBe(input.length);
  expect(counters.get('COMBINE_OUTPUT_RECORDS')).toBe(written);
});

test.each([
  ['string keys (sorted by their bytes)', (i: number): Value => `user${i % 20_000}`],
  ['number keys (grouped in a hash map)', (i: number): Value => i % 20_000],
])('a partition of mostly distinct %s is written without the combiner, as runLocal writes it', (_, keyOf) => {
  // 30,000 records of 20,000 keys in 2 partitions: ≈ 10,000 keys in 15,000 records each,
  // more than half, so combining does not pay (combinerPays).
  const { job, combines } = countingCombiner('mostly-distinct', (line: string, ctx: { emit(k: Value, v: Value): void }) => {
    ctx.emit(keyOf(Number(line)), 1);
  });
  const { buffer, counters, partition } = mapOutput(job, 2, 64 << 20);
  const lines = Array.from({ length: 30_000 }, (_, i) => String(i));
  const input = lines.map((line): [Value, Value] => [keyOf(Number(line)), 1]);
  for (let i = 0; i < input.length; i += 1000) buffer.collect(input.slice(i, i + 1000));
  buffer.finish();

  // runLocal's map side, one map task: what its reduces are given is each partition's records, sorted, uncombined.
  const local = runLocal({ ...job, reduce: (key: Value, values: Value[], ctx: { emit(k: Value, v: Value): void }) => ctx.emit(key, values.length) }, lines.join('\n'), { reducers: 2 });
  for (let p = 0; p < 2; p++) {
    const expected = sortRecords(input.filter(([k]) => partitionOf(job, k, 2, {}) === p));
    expect(expected.length).toBeGreaterThanOrEqual(COMBINE_CHECK_RECORDS);
    expect(partition(p)).toEqual(expected);
  }
  expect(combines()).toBe(0);
  expect(counters.get('COMBINE_INPUT_RECORDS') ?? 0).toBe(0);
  expect(local.counters.COMBINE_INPUT_RECORDS ?? 0).toBe(0);
  expect(local.counters.REDUCE_INPUT_RECORDS).toBe(input.length);
  expect(counters.get('SPILLED_RECORDS')).toBe(input.length);
});

test.each([
  ['string', (i: number): Value => `k${i}`],
  ['number', (i: number): Value => i],
])('the combiner runs on 10,000 records of 5,000 %s keys and not of 5,001 (combinerPays, at its edge)', (_, keyOf) => {
  for (const [distinct, expected] of [
    [5000, 5000],
    [5001, 0],
  ] as const) {
    const { job, combines } = countingCombiner('edge');
    const { buffer, partition } = mapOutput(job, 1, 64 << 20);
    const input = Array.from({ length: COMBINE_CHECK_RECORDS }, (_, i): [Value, Value] => [keyOf(i % distinct), 1]);
    buffer.collect(input);
    buffer.finish();
    expect(combines()).toBe(expected);
    expect(partition(0).length).toBe(expected > 0 ? distinct : COMBINE_CHECK_RECORDS);
  }
});

test('a map that spills, its keys mostly distinct in every spill, runs the combiner neither on a spill nor on their merge', () => {
  const { job, combines } = countingCombiner('distinct-spills');
  // ≈ 35 bytes a record of the sort budget: spills of ≈ 23,000 records, ≈ 11,500 a partition.
  const { buffer, counters, partition, spills } = mapOutput(job, 2, 800_000);
  const input = Array.from({ length: 70_000 }, (_, i): [Value, Value] => [`user${i % 60_000}`, 1]);
  for (let i = 0; i < input.length; i += 1000) buffer.collect(input.slice(i, i + 1000));
  buffer.finish();
  expect(spills()).toBeGreaterThanOrEqual(3);
  // 10,000 keys come twice, in different spills: a combining merge would have made them one record each.
  for (let p = 0; p < 2; p++) expect(partition(p)).toEqual(sortRecords(input.filter(([k]) => partitionOf(job, k, 2, {}) === p)));
  expect(combines()).toBe(0);
  expect(counters.get('SPILLED_RECORDS')).toBe(2 * input.length);
});
