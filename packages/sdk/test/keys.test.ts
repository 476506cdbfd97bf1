import { compareKeys, decode, defaultPartition, encode, hashKey, type Value } from '@tsmr/sdk';
import { mulberry32 } from './random';

function randomKey(rand: () => number, depth = 0): Value {
  const pick = Math.floor(rand() * (depth > 2 ? 5 : 7));
  const small = (): number => Math.floor(rand() * 4);
  switch (pick) {
    case 0:
      return rand() < 0.3 ? null : rand() < 0.5;
    case 1:
      return rand() < 0.5 ? small() - 2 : (rand() - 0.5) * 1e6;
    case 2:
      return ['', 'a', 'b', 'ab', 'B', 'é', '😀', '\uffff', 'a\u0000'][Math.floor(rand() * 9)] as string;
    case 3:
      return Buffer.from(Array.from({ length: small() }, () => Math.floor(rand() * 3) * 127));
    case 4:
      return String.fromCharCode(97 + small()) + String(small());
    case 5:
      return Array.from({ length: small() }, () => randomKey(rand, depth + 1));
    default: {
      const obj: Record<string, Value> = {};
      for (let i = small(); i > 0; i--) obj[['a', 'b', 'c'][small() % 3] as string] = randomKey(rand, depth + 1);
      return obj;
    }
  }
}

/** The same object with its properties in reverse insertion order, recursively. */
function reordered(x: Value): Value {
  if (Array.isArray(x)) return x.map(reordered);
  if (x === null || typeof x !== 'object' || Buffer.isBuffer(x)) return x;
  return Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reordered(v)]));
}

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('compareKeys', () => {
  it('orders kinds and values as documented', () => {
    const expected: Value[] = [
      null,
      false,
      true,
      -1e9,
      -1,
      0,
      2.5,
      10,
      '',
      'B',
      'a',
      'ab',
      'é',
      '😀', // a surrogate pair (0xD83D...) sorts before '\uffff': UTF-16 code unit order
      '\uffff',
      Buffer.alloc(0),
      Buffer.from([0]),
      Buffer.from([0, 0]),
      Buffer.from([1]),
      [],
      [null],
      [1],
      [1, 'a'],
      ['a'],
      {},
      { a: 1 },
      { a: 1, b: 0 },
      { a: 2 },
      { b: 0 },
    ];
    const rand = mulberry32(7);
    const shuffled = [...expected].sort(() => rand() - 0.5);
    expect(shuffled.sort(compareKeys)).toEqual(expected);
  });

  it('is a total order: antisymmetric and consistent over every pair of a sorted random sample', () => {
    const rand = mulberry32(1);
    const keys = Array.from({ length: 400 }, () => randomKey(rand));
    keys.sort(compareKeys);
    const violations: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i; j < keys.length; j++) {
        const a = keys[i] as Value;
        const b = keys[j] as Value;
        const ab = compareKeys(a, b);
        if (ab > 0 || sign(compareKeys(b, a)) !== -sign(ab)) violations.push(`${i} ${j}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('treats property order, -0 and a serde round trip as the same key', () => {
    const rand = mulberry32(2);
    for (let i = 0; i < 2000; i++) {
      const k = randomKey(rand);
      expect(compareKeys(k, reordered(k))).toBe(0);
      expect(compareKeys(k, decode(encode(k)))).toBe(0);
    }
    expect(compareKeys(-0, 0)).toBe(0);
  });
});

describe('hashKey', () => {
  it('is equal for keys compareKeys calls equal', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 2000; i++) {
      const k = randomKey(rand);
      expect(hashKey(reordered(k))).toBe(hashKey(k));
      expect(hashKey(decode(encode(k)))).toBe(hashKey(k));
    }
    expect(hashKey(-0)).toBe(hashKey(0));
    expect(hashKey({ a: 1, b: 2 })).toBe(hashKey({ b: 2, a: 1 }));
  });

  it('is fixed across processes and versions (partitions depend on it)', () => {
    // If these change, keys move between partitions: only change them on purpose.
    expect(hashKey('hello')).toBe(278735434);
    expect(hashKey(42)).toBe(1972197618);
  });

  it('tells apart keys of different kinds with the same text', () => {
    const keys: Value[] = ['1', 1, true, [1], ['1'], Buffer.from('1'), { 1: 1 }, null, '', [], {}];
    expect(new Set(keys.map(hashKey)).size).toBe(keys.length);
  });

  it('spreads keys evenly over partitions', () => {
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) (counts[defaultPartition(`user-${i}`, 5)] as number)++;
    for (const c of counts) expect(Math.abs(c - 4000)).toBeLessThan(400);
  });
});
