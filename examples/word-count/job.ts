// Word count: how often each word occurs. A word is a maximal run of non-whitespace,
// lowercased, so "The" and "the" count together; punctuation stays part of the word
// ("end." and "end" are different words).
import { defineJob, type MapContext } from '@tsmr/sdk';

function sum(counts: number[]): number {
  let total = 0;
  for (const c of counts) total += c;
  return total;
}

export default defineJob({
  name: 'word-count',
  map(line, ctx: MapContext<string, number>) {
    for (const word of line.toLowerCase().split(/\s+/)) {
      if (word !== '') ctx.emit(word, 1);
    }
  },
  // Summing is associative, so the combiner can pre-sum each map task's counts.
  combine(word, counts, ctx) {
    ctx.emit(word, sum(counts));
  },
  reduce(word, counts, ctx) {
    ctx.emit(word, sum(counts));
  },
});
