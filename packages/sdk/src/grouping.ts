// Sorting map output by key and cutting it into groups of equal keys, by the one key order.
import { compareKeys } from './keys';
import type { Value } from './values';

/** Sorts records by key in place (stable: equal keys keep their order) and returns them. */
export function sortRecords<K extends Value, V extends Value>(records: Array<[K, V]>): Array<[K, V]> {
  return records.sort((a, b) => compareKeys(a[0], b[0]));
}

/** Groups records already sorted by key: each run of equal keys becomes [key, values]. */
export function groupSorted<K extends Value, V extends Value>(records: ReadonlyArray<readonly [K, V]>): Array<[K, V[]]> {
  const groups: Array<[K, V[]]> = [];
  let current: [K, V[]] | undefined;
  for (const [k, v] of records) {
    if (current !== undefined && compareKeys(current[0], k) === 0) {
      current[1].push(v);
    } else {
      current = [k, [v]];
      groups.push(current);
    }
  }
  return groups;
}
