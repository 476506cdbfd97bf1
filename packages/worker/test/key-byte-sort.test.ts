// Sorting keys by their UTF-8 bytes gives exactly compareKeys' order (UTF-16 code units),
// stably, and marks where each key begins, for keys that tie on long prefixes, repeat, hold NULs, or mix characters of
// U+E000..U+FFFF with ones beyond U+FFFF (where the two orders differ).
import { compareKeys } from '@tsmr/sdk';
import { sortByKey, type KeyRanges } from '../src/key-byte-sort';
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

/** The oracle of firsts: 1 where a key differs from the one before it in `order`. */
const expectedFirsts = (keys: readonly string[], order: readonly number[]): number[] =>
  order.map((r, k) => (k === 0 || keys[r] !== keys[order[k - 1] as number] ? 1 : 0));

/** sortByKey's order and firsts, as plain arrays. */
function sorted(keys: readonly string[]): { order: number[]; firsts: number[] } {
  const { order, firsts } = sortByKey(rangesOf(keys), keys.length);
  return { order: Array.from(order), firsts: Array.from(firsts) };
}

test.each([
  [10, 1],
  [100, 2],
  [5000, 3],
  [20000, 4],
])('%i random keys sort in compareKeys order, equal keys in their order (seed %i)', (count, seed) => {
  const keys = trickyKeys(count, seed);
  const { order, firsts } = sorted(keys);
  expect(order).toEqual(expectedOrder(keys));
  expect(firsts).toEqual(expectedFirsts(keys, order));
});

test('the orders that differ between UTF-8 bytes and UTF-16 code units come out as compareKeys has them', () => {
  // By code point U+FFFF < U+10000; by UTF-16 code unit (compareKeys) '😀' (0xD83D…) < U+E000.
  const keys = Array.from({ length: 100 }, (_, i) => ['\uffff', '😀', '\ue000', 'x\uffffa', 'x😀', 'x', ''][i % 7] as string);
  const { order, firsts } = sorted(keys);
  expect(order).toEqual(expectedOrder(keys));
  expect(firsts).toEqual(expectedFirsts(keys, order));
  expect(keys[order[0] as number]).toBe('');
  expect(keys[order[order.length - 1] as number]).toBe('\uffff');
});

test('keys that differ only by length or by trailing NULs are told apart', () => {
  const keys = ['abc', 'abc\u0000', 'abc', 'ab', 'abc\u0000\u0000', `${'k'.repeat(12)}`, `${'k'.repeat(12)}\u0000`, 'k'.repeat(13)];
  // 40 keys take the radix sort, 5,000 its 16-bit digits; 8 the insertion sort.
  for (const n of [8, 40, 5000]) {
    const many = Array.from({ length: n }, (_, i) => keys[i % keys.length] as string);
    const { order, firsts } = sorted(many);
    expect(order).toEqual(expectedOrder(many));
    expect(firsts).toEqual(expectedFirsts(many, order));
    // 'abc' twice in every 8 keys: told apart from 'abc\0', and not from each other.
    expect(firsts.reduce((a, b) => a + b, 0)).toBe(new Set(many).size);
  }
});
