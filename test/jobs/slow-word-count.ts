// Word count whose map pauses every 500 records (param delayMs) and whose reduce pauses
// every 20 keys (param reduceDelayMs), so tests can kill daemons while its tasks are still
// running. Its output equals examples/word-count's.
import { defineJob, type MapContext } from '@tsmr/sdk';

const pause = new Int32Array(new SharedArrayBuffer(4));
let records = 0;
let keys = 0;
const params = { delayMs: 20, reduceDelayMs: 0 };

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

export default defineJob({
  name: 'slow-word-count',
  params,
  map(line, ctx: MapContext<string, number, typeof params>) {
    if (++records % 500 === 0) Atomics.wait(pause, 0, 0, ctx.params.delayMs);
    for (const word of line.toLowerCase().split(/\s+/)) if (word !== '') ctx.emit(word, 1);
  },
  combine(word, counts, ctx) {
    ctx.emit(word, sum(counts));
  },
  reduce(word, counts, ctx) {
    if (ctx.params.reduceDelayMs > 0 && ++keys % 20 === 0) Atomics.wait(pause, 0, 0, ctx.params.reduceDelayMs);
    ctx.emit(word, sum(counts));
  },
});
