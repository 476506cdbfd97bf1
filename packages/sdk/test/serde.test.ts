// Serde is the engine's spill and shuffle format; a micro-benchmark on a 2 vCPU box
// (1 M ['user-NNNNN', n] records): encodeRecords ≈ 0.15–0.26 s, decodeRecords ≈ 0.35 s.
import { decode, decodeRecords, encode, encodeRecords, InvalidRecordError, type Value } from '@tsmr/sdk';

const samples: Array<[string, Value]> = [
  ['null', null],
  ['false', false],
  ['true', true],
  ['zero', 0],
  ['small ints', -1],
  ['int32 max', 2 ** 31 - 1],
  ['int32 min', -(2 ** 31)],
  ['just past int32', 2 ** 31],
  ['a fraction', -1.5],
  ['max safe integer', Number.MAX_SAFE_INTEGER],
  ['a huge number', 1e300],
  ['a tiny number', 5e-324],
  ['empty string', ''],
  ['ascii', 'hello world'],
  ['multi-byte', 'é€😀 and \u0000 NUL'],
  ['short, ASCII then multi-byte', 'user-€'],
  ['24 ASCII characters', 'x'.repeat(24)],
  ['25 ASCII characters', 'x'.repeat(25)],
  ['42 three-byte chars (126 UTF-8 bytes: one-byte length)', '€'.repeat(42)],
  ['43 three-byte chars (129 bytes: two-byte length)', '€'.repeat(43)],
  ['a long string', 'x😀'.repeat(5000)],
  ['empty Buffer', Buffer.alloc(0)],
  ['Buffer', Buffer.from([0, 1, 127, 128, 255])],
  ['a 200-byte Buffer', Buffer.alloc(200, 7)],
  ['empty array', []],
  ['empty object', {}],
  ['nested', { user: 'ann', tags: ['a', null, [true, 3.25]], raw: Buffer.from('xy'), deep: { deeper: { n: -7 } } }],
  ['an array of Buffers', [Buffer.from('a'), Buffer.alloc(0)]],
  ['a "__proto__" property', JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Value],
];

describe('serde', () => {
  it.each(samples)('round-trips %s', (_name, value) => {
    const back = decode(encode(value));
    expect(back).toEqual(value);
    if (Buffer.isBuffer(value)) expect(Buffer.isBuffer(back)).toBe(true);
  });

  it('keeps a "__proto__" property as data, not as the prototype', () => {
    const back = decode(encode(JSON.parse('{"__proto__": {"x": 1}}') as Value)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('stores -0 as 0 and gives any Uint8Array back as a Buffer', () => {
    expect(Object.is(decode(encode(-0)), 0)).toBe(true);
    const back = decode(encode(new Uint8Array([1, 2]) as Buffer));
    expect(Buffer.isBuffer(back)).toBe(true);
    expect([...(back as Buffer)]).toEqual([1, 2]);
  });

  it('is compact for the common record shapes', () => {
    expect(encode(1).length).toBe(2);
    expect(encode('abc').length).toBe(5);
    expect(encodeRecords([['user-1', 1]]).length).toBe(10);
  });

  it('round-trips batches of records, and two batches concatenated are one batch', () => {
    const a: Array<[Value, Value]> = samples.map(([name, v]) => [name, v]);
    const b: Array<[Value, Value]> = [[1, 'one'], [[1, 2], { n: null }]];
    expect(decodeRecords(encodeRecords(a))).toEqual(a);
    expect(decodeRecords(Buffer.concat([encodeRecords(a), encodeRecords(b)]))).toEqual([...a, ...b]);
    expect(decodeRecords(encodeRecords([]))).toEqual([]);
  });

  it.each([
    ['undefined', undefined, /undefined/],
    ['a function', () => 1, /function/],
    ['NaN', NaN, /NaN/],
    ['Infinity', Infinity, /Infinity/],
    ['a Map', new Map(), /Map instance/],
    ['a nested undefined', { a: [1, undefined] }, /undefined/],
    ['a bigint', 1n, /bigint/],
  ])('refuses to encode %s', (_name, bad, message) => {
    expect(() => encode(bad as Value)).toThrow(InvalidRecordError);
    expect(() => encode(bad as Value)).toThrow(message);
  });

  it('rejects truncated or trailing input instead of inventing values', () => {
    const buf = encode({ a: 'hello' });
    expect(() => decode(buf.subarray(0, buf.length - 1))).toThrow(/truncated/);
    expect(() => decode(Buffer.concat([buf, Buffer.from([0])]))).toThrow(/trailing/);
    expect(() => decode(Buffer.from([0x7f]))).toThrow(/unknown tag/);
  });
});
