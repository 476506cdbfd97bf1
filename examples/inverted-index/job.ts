// Inverted index: for each word, the sorted list of input files containing it. Words are
// lowercased runs of letters and digits (Unicode-aware), so punctuation separates words.
import { defineJob, type MapContext, type ReduceContext } from '@tsmr/sdk';

const WORD = /[\p{L}\p{N}]+/gu;

function uniqueSorted(paths: string[]): string[] {
  return [...new Set(paths)].sort();
}

export default defineJob({
  name: 'inverted-index',
  map(line, ctx: MapContext<string, string>) {
    for (const [word] of line.toLowerCase().matchAll(WORD)) ctx.emit(word, ctx.inputPath);
  },
  // A word repeats many times in one file: keep one (word, path) per map task.
  combine(word, paths, ctx) {
    for (const path of uniqueSorted(paths)) ctx.emit(word, path);
  },
  reduce(word, paths, ctx: ReduceContext<string, string[]>) {
    ctx.emit(word, uniqueSorted(paths));
  },
});
