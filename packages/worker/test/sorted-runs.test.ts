// Sorted runs read record by record from buffers and files (a window sliding along the
// file, growing for records larger than itself), and a reduce's merge passes over many
// on-disk segments: the records that come out are exactly the ones written, in order.
import fs from 'node:fs';
import path from 'node:path';
import { encodeRecords, groupSorted, sortRecords, type Value } from '@tsmr/sdk';
import { mergeGroups } from '../src/merge';
import { openReduceRuns } from '../src/reduce-input';
import { RunReader, type KeyValue } from '../src/run-reader';
import { RunWriter } from '../src/run-writer';
import type { ShuffledSegment } from '../src/task-protocol';
import { stopAll, tempDir } from './helpers';
import { trickyKeys } from './tricky-keys';

afterEach(stopAll);

function readAll(run: RunReader): KeyValue[] {
  const out: KeyValue[] = [];
  for (; run.head !== undefined; run.advance()) out.push(run.head);
  return out;
}

/** The run's records, encoded again: equal bytes mean equal records (and far cheaper to compare than deep equality of MiB values). */
const reencoded = (run: RunReader): string => encodeRecords(readAll(run)).toString('base64');

/** Records of every size around the 1 MiB window: tiny ones, and some of 0.7 and 2.5 MiB. */
function records(): Array<[Value, Value]> {
  const out: Array<[Value, Value]> = [];
  for (let i = 0; i < 30_000; i++) out.push([`key-${String(i).padStart(6, '0')}`, i % 3 === 0 ? { n: i, tags: ['a', i] } : i]);
  out.splice(1000, 0, ['key-000999x', 'y'.repeat(700 * 1024)]);
  out.splice(20_000, 0, ['key-019998x', Buffer.alloc(2.5 * 1024 * 1024, 7)]);
  return out;
}

test('a run reads back the same records from a buffer, a whole file and a file range', () => {
  const dir = tempDir();
  const expected = records();
  const bytes = encodeRecords(expected);
  expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
  const want = bytes.toString('base64');
  expect(readAll(RunReader.ofBuffer(bytes))).toHaveLength(expected.length);
  expect(reencoded(RunReader.ofBuffer(bytes)) === want).toBe(true);

  const file = path.join(dir, 'run');
  fs.writeFileSync(file, bytes);
  expect(reencoded(RunReader.ofFile(file)) === want).toBe(true);

  // Two runs back to back in one file, as a spill holds one per partition.
  const other = encodeRecords([['a', 1], ['b', 2]]);
  fs.writeFileSync(file, Buffer.concat([other, bytes, other]));
  const fd = fs.openSync(file, 'r');
  try {
    expect(reencoded(RunReader.ofFileRange(fd, other.length, bytes.length)) === want).toBe(true);
  } finally {
    fs.closeSync(fd);
  }
});

test('a run whose file ends inside a record is an error, not a short run', () => {
  const file = path.join(tempDir(), 'cut');
  const bytes = encodeRecords([['a', 'x'.repeat(100)], ['b', 'y'.repeat(100)]]);
  fs.writeFileSync(file, bytes.subarray(0, bytes.length - 10));
  const run = RunReader.ofFile(file);
  expect(run.head?.[0]).toBe('a');
  expect(() => run.advance()).toThrow(/ends inside a record/);
});

test('RunWriter marks one segment per run and the runs read back', () => {
  const file = path.join(tempDir(), 'spill');
  const out = new RunWriter(file);
  const runs = [records().slice(0, 500), [], records().slice(500, 25_000)];
  const segments = runs.map((run) => {
    for (const [k, v] of run) out.add(k, v);
    return out.segment();
  });
  out.close();
  expect(segments[1]).toEqual({ offset: segments[0]!.length, length: 0 });
  const fd = fs.openSync(file, 'r');
  try {
    runs.forEach((run, i) => {
      const read = reencoded(RunReader.ofFileRange(fd, segments[i]!.offset, segments[i]!.length));
      expect(read === encodeRecords(run).toString('base64')).toBe(true);
    });
  } finally {
    fs.closeSync(fd);
  }
});

test('merge passes over many on-disk segments keep every record, equal keys in map order', () => {
  const dir = tempDir();
  // 23 maps, each a sorted run over few keys, so every key has values from many maps.
  const maps = Array.from({ length: 23 }, (_, m) =>
    sortRecords(Array.from({ length: 200 + m }, (_, i): [Value, Value] => [`k${(i * 7 + m) % 31}`, `m${m}-${i}`])),
  );
  const segments: ShuffledSegment[] = maps.map((run, m) => {
    const bytes = encodeRecords(run);
    if (m % 3 === 0) return { bytes, length: bytes.length };
    const file = path.join(dir, `shuffle-m-${m}`);
    fs.writeFileSync(file, bytes);
    return { file, length: bytes.length };
  });
  let progress = 0;
  const { runs, spilledRecords } = openReduceRuns(segments, dir, 4, () => progress++);
  expect(runs.length).toBeLessThanOrEqual(4);
  expect(progress).toBeGreaterThan(0);
  expect(spilledRecords).toBeGreaterThan(0);
  const expected = groupSorted(sortRecords(maps.flat()));
  expect([...mergeGroups(runs)]).toEqual(expected);
  // The segments merged away were deleted.
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('shuffle-'))).toEqual([]);
});

test('a merge orders string keys as compareKeys does, past shared prefixes, NULs and characters beyond U+FFFF', () => {
  // 9 runs drawing on one pool of keys that tie on their first bytes, or end, or hold a
  // NUL, where the merge's comparison of the first 12 bytes (its prefix words) stops.
  const pool = trickyKeys(300, 7);
  // Each run a different random draw from the pool (a run may repeat a key), so the runs'
  // heads are far apart and each comparison decides something.
  const maps = Array.from({ length: 9 }, (_, m) => {
    let x = 100 + m;
    const pick = () => pool[((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % pool.length] as string;
    return sortRecords(Array.from({ length: 400 }, (_, i): [Value, Value] => [pick(), m * 1000 + i]));
  });
  const runs = maps.map((run) => RunReader.ofBuffer(encodeRecords(run)));
  const expected = groupSorted(sortRecords(maps.flat()));
  expect(expected.filter(([, values]) => values.length > 1).length).toBeGreaterThan(100); // keys repeat across runs
  expect([...mergeGroups(runs)]).toEqual(expected);
});
