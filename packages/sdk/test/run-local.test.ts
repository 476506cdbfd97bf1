import {
  COMBINE_CHECK_RECORDS,
  compareKeys,
  defineJob,
  defaultPartition,
  InvalidParamError,
  InvalidRecordError,
  runLocal,
  type MapContext,
  type Value,
} from '@tsmr/sdk';
import { mulberry32 } from './random';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

const wordCount = defineJob({
  name: 'word-count',
  map(line, ctx: MapContext<string, number>) {
    for (const w of line.split(/\s+/)) if (w !== '') ctx.emit(w, 1);
  },
  reduce(word, counts, ctx) {
    ctx.emit(word, sum(counts));
  },
});
const wordCountCombined = defineJob({ ...wordCount, combine: wordCount.reduce });
/** Word count whose combiner counts the keys it combines (counter "combined keys"). */
const wordCountCountingCombines = defineJob({
  ...wordCount,
  combine(word, counts, ctx) {
    ctx.counter('combined keys').increment();
    ctx.emit(word, sum(counts));
  },
});

describe('runLocal', () => {
  const text = 'the cat\nthe dog\n\nthe  end\r\n';

  it('counts words, sorted by key, with the built-in counters', () => {
    const result = runLocal(wordCount, text);
    expect(result.output).toEqual([
      ['cat', 1],
      ['dog', 1],
      ['end', 1],
      ['the', 3],
    ]);
    expect(result.partitions).toEqual([result.output]);
    expect(result.counters).toEqual({
      MAP_INPUT_RECORDS: 4,
      MAP_OUTPUT_RECORDS: 6,
      REDUCE_INPUT_GROUPS: 4,
      REDUCE_INPUT_RECORDS: 6,
      REDUCE_OUTPUT_RECORDS: 4,
    });
  });

  it('gives the same output with a combiner, whatever the split size and reducer count', () => {
    const rand = mulberry32(11);
    const words = ['a', 'b', 'c', 'dd', 'é', '😀'];
    const lines = Array.from({ length: 300 }, () =>
      Array.from({ length: Math.floor(rand() * 6) }, () => words[Math.floor(rand() * words.length)]).join(' '),
    );
    const input = lines.join('\n');
    const expected = runLocal(wordCount, input).output;
    for (const reducers of [1, 2, 5]) {
      for (const splitBytes of [64, 1000, 1 << 20]) {
        const plain = runLocal(wordCount, input, { reducers, splitBytes });
        const combined = runLocal(wordCountCombined, input, { reducers, splitBytes });
        expect(combined.partitions).toEqual(plain.partitions);
        expect([...combined.output].sort((a, b) => compareKeys(a[0], b[0]))).toEqual(expected);
        expect(combined.counters.COMBINE_INPUT_RECORDS).toBe(plain.counters.MAP_OUTPUT_RECORDS);
        expect(combined.counters.COMBINE_OUTPUT_RECORDS).toBe(combined.counters.REDUCE_INPUT_RECORDS);
      }
    }
    // The combiner runs per map task: smaller splits, more map tasks, more combine output.
    const small = runLocal(wordCountCombined, input, { splitBytes: 64 }).counters.COMBINE_OUTPUT_RECORDS ?? 0;
    const one = runLocal(wordCountCombined, input).counters.COMBINE_OUTPUT_RECORDS ?? 0;
    expect(one).toBe(words.length);
    expect(small).toBeGreaterThan(one);
  });

  it('puts each key in its hash partition, each partition sorted', () => {
    const keys: Value[] = [3, 'b', null, [1], 'a', 1.5, true, { k: 'v' }, Buffer.from('z')];
    const job = defineJob({
      name: 'mixed',
      map(line, ctx) {
        for (const k of keys) ctx.emit(k, line);
      },
    });
    const { partitions, output } = runLocal(job, 'x\ny', { reducers: 3 });
    expect(output).toHaveLength(keys.length * 2);
    partitions.forEach((records, p) => {
      for (const [k] of records) expect(defaultPartition(k, 3)).toBe(p);
      expect([...records].sort((a, b) => compareKeys(a[0], b[0]))).toEqual(records);
    });
  });

  it('runs map only with reducers: 0, one output per map task in emit order', () => {
    const job = defineJob({ ...wordCountCombined, name: 'map-only' });
    const result = runLocal(job, 'b a\nc\n', { reducers: 0, splitBytes: 4 });
    expect(result.partitions).toEqual([[['b', 1], ['a', 1]], [['c', 1]]]);
    expect(result.counters).toEqual({ MAP_INPUT_RECORDS: 2, MAP_OUTPUT_RECORDS: 3 });
  });

  it('outputs map output sorted and partitioned when the job has no reduce', () => {
    const job = defineJob({
      name: 'identity',
      map(line, ctx: MapContext<string, number>) {
        ctx.emit(line, line.length);
      },
    });
    expect(runLocal(job, 'bb\na\nbb').output).toEqual([
      ['a', 1],
      ['bb', 2],
      ['bb', 2],
    ]);
  });

  it('uses a custom partitioner, and names a partitioner that returns a bad partition', () => {
    const byInitial = defineJob({
      ...wordCount,
      partition: (word: string, n: number) => (word.charCodeAt(0) - 97) % n,
    });
    const { partitions } = runLocal(byInitial, 'a b c d e f', { reducers: 2 });
    expect(partitions).toEqual([
      [['a', 1], ['c', 1], ['e', 1]],
      [['b', 1], ['d', 1], ['f', 1]],
    ]);
    const broken = defineJob({ ...wordCount, partition: () => 2 });
    expect(() => runLocal(broken, 'a', { reducers: 2 })).toThrow(InvalidRecordError);
    expect(() => runLocal(broken, 'a', { reducers: 2 })).toThrow(
      'partition returned 2 for key "a"; with 2 reducers it must be an integer from 0 to 1',
    );
  });

  it('gives map whole files with input: whole-file, and each record its input path', () => {
    const job = defineJob({
      name: 'files',
      input: 'whole-file',
      map(text, ctx: MapContext<string, string>) {
        ctx.emit(ctx.inputPath, text);
      },
    });
    const files = [
      { path: '/b.txt', content: 'two\nlines\n' },
      { path: '/a.txt', content: Buffer.from('é') },
    ];
    const result = runLocal(job, files, { splitBytes: 2 });
    expect(result.output).toEqual([
      ['/a.txt', 'é'],
      ['/b.txt', 'two\nlines\n'],
    ]);
    expect(result.counters.MAP_INPUT_RECORDS).toBe(2);
  });

  it('passes params and their overrides to user code, and user counters out', () => {
    const job = defineJob({
      name: 'params',
      params: { skip: 'x', times: 1 },
      map(line, ctx) {
        if (line === ctx.params.skip) ctx.counter('skipped').increment();
        else ctx.emit(line, ctx.params.times);
      },
      reduce(key, values, ctx) {
        ctx.counter('keys').increment();
        ctx.counter('values').increment(values.length);
        ctx.emit(key, values);
      },
    });
    const result = runLocal(job, 'a\nb\na', { params: { skip: 'b', times: '2' } });
    expect(result.output).toEqual([['a', [2, 2]]]);
    expect(result.counters).toMatchObject({ skipped: 1, keys: 1, values: 2 });
    expect(() => runLocal(job, 'a', { params: { tims: '2' } })).toThrow(InvalidParamError);
  });

  it.each([
    ['undefined', undefined, 'value is undefined'],
    ['a function', () => 1, 'value is function'],
    ['a Map', new Map(), 'value is a Map instance'],
    ['a class instance', new (class Point {})(), 'value is a Point instance'],
    ['NaN', NaN, 'value is NaN'],
    ['a Date', new Date(0), 'value is a Date instance; emit JSON-like data or Buffers (emit date.toISOString() or date.getTime())'],
    ['a nested undefined', { a: [1, undefined] }, 'value.a[1] is undefined'],
    ['half of an emoji', '😀'.slice(0, 1), 'value is a string holding a lone surrogate'],
    ['half of an emoji in an array', ['ok', '😀'.slice(1)], 'value[1] is a string holding a lone surrogate'],
  ])('refuses at emit time to emit %s, naming the type', (_what, bad, message) => {
    const job = defineJob({
      name: 'bad',
      map(line, ctx) {
        ctx.emit(line, bad as Value);
      },
    });
    expect(() => runLocal(job, 'a')).toThrow(InvalidRecordError);
    expect(() => runLocal(job, 'a')).toThrow(message);
  });

  it('refuses a bad key too', () => {
    const job = defineJob({
      name: 'bad-key',
      map(_line, ctx) {
        ctx.emit(Symbol('k') as unknown as Value, 1);
      },
    });
    expect(() => runLocal(job, 'a')).toThrow('key is symbol');
  });

  it('refuses a combiner that changes its group key', () => {
    const job = defineJob({
      ...wordCount,
      combine(word, counts, ctx) {
        ctx.emit(word.toUpperCase(), sum(counts));
      },
    });
    expect(() => runLocal(job, 'a a')).toThrow('combine emitted key "A" for group "a"; a combiner must keep its group\'s key');
  });

  it('passes a key with one value by the combiner, which runs only where there is something to combine', () => {
    const result = runLocal(wordCountCountingCombines, 'a b a c');
    expect(result.output).toEqual([['a', 2], ['b', 1], ['c', 1]]);
    expect(result.counters['combined keys']).toBe(1);
    expect(result.counters.COMBINE_INPUT_RECORDS).toBe(4);
    expect(result.counters.COMBINE_OUTPUT_RECORDS).toBe(3);
  });

  it('skips the combiner for a sorted partition of mostly distinct keys, big enough for that to matter', () => {
    const job = wordCountCountingCombines;
    const words = (n: number, distinct: number) => Array.from({ length: n }, (_, i) => `w${i % distinct}`).join(' ');
    // More distinct keys than half the records: written as they are.
    const distinct = runLocal(job, words(COMBINE_CHECK_RECORDS, 0.6 * COMBINE_CHECK_RECORDS));
    expect(distinct.counters['combined keys']).toBeUndefined();
    expect(distinct.counters.COMBINE_INPUT_RECORDS).toBeUndefined();
    expect(distinct.counters.REDUCE_INPUT_RECORDS).toBe(COMBINE_CHECK_RECORDS);
    expect(distinct.output).toEqual(runLocal(wordCount, words(COMBINE_CHECK_RECORDS, 0.6 * COMBINE_CHECK_RECORDS)).output);
    // Half or fewer: combined.
    const repeated = runLocal(job, words(COMBINE_CHECK_RECORDS, 0.5 * COMBINE_CHECK_RECORDS));
    expect(repeated.counters['combined keys']).toBe(0.5 * COMBINE_CHECK_RECORDS);
    expect(repeated.counters.REDUCE_INPUT_RECORDS).toBe(0.5 * COMBINE_CHECK_RECORDS);
    // Fewer records than the check needs: combined, however distinct.
    const small = runLocal(job, words(COMBINE_CHECK_RECORDS - 1, COMBINE_CHECK_RECORDS - 10));
    expect(small.counters['combined keys']).toBe(9);
    expect(small.counters.COMBINE_INPUT_RECORDS).toBe(COMBINE_CHECK_RECORDS - 1);
  });

  it('refuses user counters named like built-in ones', () => {
    const job = defineJob({
      name: 'cheat',
      map(_line, ctx) {
        ctx.counter('MAP_INPUT_RECORDS').increment();
      },
    });
    expect(() => runLocal(job, 'a')).toThrow('counter name "MAP_INPUT_RECORDS" is reserved');
  });

  it('rejects bad options', () => {
    expect(() => runLocal(wordCount, 'a', { reducers: -1 })).toThrow(/reducers/);
    expect(() => runLocal(wordCount, 'a', { splitBytes: 0 })).toThrow(/splitBytes/);
  });
});
