// Grep: how many lines match a regular expression, per matched text. For each matching
// line the first match counts once; `--param pattern=...` sets the expression and
// `--param flags=i` its flags (g and y are ignored: a line counts once).
// Counter `matching-lines`: the number of lines that matched.
import { defineJob, type MapContext } from '@tsmr/sdk';

const params = { pattern: 'ERROR|WARN', flags: '' };

// Compiled once per pattern, not per line.
let compiled: { source: string; flags: string; regex: RegExp } | undefined;
function regexFor(pattern: string, flags: string): RegExp {
  if (compiled?.source !== pattern || compiled.flags !== flags) {
    compiled = { source: pattern, flags, regex: new RegExp(pattern, flags.replace(/[gy]/g, '')) };
  }
  return compiled.regex;
}

export default defineJob({
  name: 'grep',
  params,
  map(line, ctx: MapContext<string, number, typeof params>) {
    const match = regexFor(ctx.params.pattern, ctx.params.flags).exec(line);
    if (match === null) return;
    ctx.counter('matching-lines').increment();
    ctx.emit(match[0], 1);
  },
  combine(text, counts, ctx) {
    ctx.emit(text, counts.reduce((a, b) => a + b, 0));
  },
  reduce(text, counts, ctx) {
    ctx.emit(text, counts.reduce((a, b) => a + b, 0));
  },
});
