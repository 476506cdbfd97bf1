// Type tests: `tsc -b packages/sdk/test` checks this file, so each @ts-expect-error line
// fails the build if the types stop catching that mistake. The runtime checks make sure
// the jobs are the ones the types describe.
import { defineJob, runLocal, type MapContext, type ReduceContext } from '@tsmr/sdk';

const params = { month: '2026-11', limit: 2 };

const wordCount = defineJob({
  name: 'typed',
  params,
  map(line, ctx: MapContext<string, number, typeof params>) {
    const month: string = ctx.params.month;
    for (const w of line.split(' ')) ctx.emit(w, month.length);
    // @ts-expect-error map's keys are strings
    if (line === 'never') ctx.emit(1, 1);
  },
  combine(word, counts, ctx) {
    // word and counts are typed from map: string and number[]
    ctx.emit(word, counts.reduce((a, b) => a + b, 0));
  },
  reduce(word, counts, ctx) {
    const limit: number = ctx.params.limit; // params are typed in reduce without an annotation
    ctx.emit(word, Math.min(limit * 100, counts.reduce((a, b) => a + b, 0)));
    // @ts-expect-error the output value defaults to map's value type (number)
    if (word === 'never') ctx.emit(word, 'many');
  },
});

defineJob({
  name: 'wrong-reducer',
  map(line, ctx: MapContext<string, number>) {
    ctx.emit(line, 1);
  },
  // @ts-expect-error map emits numbers, so values is number[], not string[]
  reduce(_key, _values: string[], ctx) {
    ctx.emit('x', 1);
  },
});

defineJob({
  name: 'unserializable',
  map(line, ctx) {
    // @ts-expect-error a Date is not a Value (even with map's types left open)
    ctx.emit(line, new Date());
    // @ts-expect-error nor is undefined
    ctx.emit(line, undefined);
  },
});

const invertedIndex = defineJob({
  name: 'typed-output',
  map(line, ctx: MapContext<string, string>) {
    ctx.emit(line, ctx.inputPath);
  },
  reduce(word, paths, ctx: ReduceContext<string, string[]>) {
    ctx.emit(word, [...new Set(paths)]);
  },
});

describe('job types', () => {
  it('carries the output types to runLocal', () => {
    const { output } = runLocal(wordCount, 'a b a', { params: { limit: '3' } });
    const typed: Array<[string, number]> = output;
    expect(typed).toEqual([
      ['a', 14],
      ['b', 7],
    ]);
    const index: Array<[string, string[]]> = runLocal(invertedIndex, [{ path: '/p', content: 'w' }]).output;
    expect(index).toEqual([['w', ['/p']]]);
    const mapOnly: Array<[string, string]> = runLocal(invertedIndex, 'w', { reducers: 0 }).output;
    expect(mapOnly).toEqual([['w', 'input']]);
  });
});
