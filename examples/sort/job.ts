// Sort (TeraSort's shape): 100-byte records, a 10-byte key then a 90-byte payload
// (newline included), sorted by key across all reducers. Map splits each record into
// key → rest; there is no reduce, so each reducer's output is its records sorted by key,
// and a total-order partitioner sends each key to the reducer of its key range: reducer i
// gets the keys k with cuts[i-1] ≤ k < cuts[i]. The concatenated part-r-* files (in order)
// are then globally sorted. Output lines are `key<TAB>payload`.
//
// The split points come in the `cuts` param (a JSON array of R−1 sorted keys, R =
// --reducers), computed from a sample of the input, e.g. by bench/baselines/sample-keys.js.
// Without cuts (the default) every key goes to reducer 0, which is only right for one
// reducer; with --reducers R the job needs exactly R−1 cuts.
import { defineJob, type MapContext } from '@tsmr/sdk';

const params = { cuts: [] as string[] };
const KEY_LENGTH = 10;

export default defineJob({
  name: 'sort',
  params,
  map(line, ctx: MapContext<string, string, typeof params>) {
    if (line.length < KEY_LENGTH) {
      ctx.counter('short-lines').increment();
      return;
    }
    ctx.emit(line.slice(0, KEY_LENGTH), line.slice(KEY_LENGTH));
  },
  partition(key, reducers, { cuts }) {
    if (reducers === 1) return 0;
    if (cuts.length !== reducers - 1) {
      throw new Error(`sort needs ${reducers - 1} cut points for ${reducers} reducers (--param cuts=[...]), got ${cuts.length}`);
    }
    // The first cut greater than the key: binary search.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key < (cuts[mid] as string)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  },
});
