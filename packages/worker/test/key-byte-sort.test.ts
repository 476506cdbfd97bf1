// Sorting keys by their UTF-8 bytes gives exactly compareKeys' order (UTF-16 code units),
// stably, for keys that tie on long prefixes, repeat, hold NULs, or mix characters of
// U+E000..U+FFFF with ones beyond U+FFFF (where the two orders differ).
import { compareKeys } from '@tsmr/sdk';
import { sameKey, sortByKey, type KeyRanges } from '../src/key-byte-sort';
import { trickyKeys } from './tricky-keys';

function rangesOf(keys: readonly string[]): KeyRanges {
  const parts = keys.map((k) => Buffer.from(k, 'utf8'));
  const keyStart = new Int32Array(keys.length);
  const keyEnd = new Int32Array(keys.length);
  let at = 0;
  parts.forEach((p, i) => {
    keyStart[i] = at;
    at += p.length;
    keyEnd[i] = at;
  });
  return { data: Buffer.concat(parts), keyStart, keyEnd };
}

/** The oracle: indexes sorted by compareKeys, ties by index. */
const expectedOrder = (keys: readonly string[]): number[] =>
  keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a] as string, keys[b] as string) || a - b);

test.each([
  [10, 1],
  [100, 2],
  [5000, 3],
  [20000, 4],
])('%i random keys sort in compareKeys order, equal keys in their order (seed %i)', (count, seed) => {
  const keys = trickyKeys(count, seed);
  expect(Array.from(sortByKey(rangesOf(keys), keys.length))).toEqual(expectedOrder(keys));
});

test('the orders that differ between UTF-8 bytes and UTF-16 code units come out as compareKeys has them', () => {
  // By code point U+FFFF < U+10000; by UTF-16 code unit (compareKeys) '😀' (0xD83D…) < U+E000.
  const keys = Array.from({ length: 100 }, (_, i) => ['\uffff', '😀', '\ue000', 'x\uffffa', 'x😀', 'x', ''][i % 7] as string);
  const order = Array.from(sortByKey(rangesOf(keys), keys.length));
  expect(order).toEqual(expectedOrder(keys));
  expect(keys[order[0] as number]).toBe('');
  expect(keys[order[order.length - 1] as number]).toBe('\uffff');
});

test('keys that differ only by length or by trailing NULs are told apart', () => {
  const keys = ['abc', 'abc\u0000', 'abc', 'ab', 'abc\u0000\u0000', `${'k'.repeat(12)}`, `${'k'.repeat(12)}\u0000`, 'k'.repeat(13)];
  const many = Array.from({ length: 40 }, (_, i) => keys[i % keys.length] as string);
  const ranges = rangesOf(many);
  expect(Array.from(sortByKey(ranges, many.length))).toEqual(expectedOrder(many));
  expect(sameKey(ranges, 0, 2)).toBe(true);
  expect(sameKey(ranges, 0, 1)).toBe(false);
  expect(sameKey(ranges, 5, 6)).toBe(false);
});
