// Word count that misbehaves at random: in a call to map or reduce it may exit its
// thread, throw, or stall for 1.5 s. Params give the odds per call; the random sequence is
// seeded (param seed) and mixed with a per-thread nonce, so a retry does not replay the
// same fault. Without faults its output equals examples/word-count's.
import { defineJob, type MapContext } from '@tsmr/sdk';

const params = { seed: 1, mapFaultOdds: 0, reduceFaultOdds: 0 };
const pause = new Int32Array(new SharedArrayBuffer(4));
let state = 0;

function random(seed: number): number {
  if (state === 0) state = (seed ^ Math.floor(Math.random() * 0x7fffffff)) | 1;
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
}

/** With probability `odds` a fault, each of the three kinds equally likely. */
function maybeFault(seed: number, odds: number): void {
  const r = random(seed);
  if (r >= odds) return;
  if (r < odds / 3) process.exit(17);
  if (r < (2 * odds) / 3) throw new Error('chaos: injected failure');
  Atomics.wait(pause, 0, 0, 1500);
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

export default defineJob({
  name: 'chaos-word-count',
  params,
  map(line, ctx: MapContext<string, number, typeof params>) {
    maybeFault(ctx.params.seed, ctx.params.mapFaultOdds);
    for (const word of line.toLowerCase().split(/\s+/)) if (word !== '') ctx.emit(word, 1);
  },
  combine(word, counts, ctx) {
    ctx.emit(word, sum(counts));
  },
  reduce(word, counts, ctx) {
    maybeFault(ctx.params.seed, ctx.params.reduceFaultOdds);
    ctx.emit(word, sum(counts));
  },
});
