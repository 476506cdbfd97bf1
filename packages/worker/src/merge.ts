// The k-way merge of sorted runs (a map's spills, or every map's segment of a reduce's
// partition), in the one key order. Among equal keys the runs' order is kept (all of run
// 0's values, then run 1's...), as runLocal's stable sort of the runs concatenated in task
// order does, so the cluster and the oracle group alike. Runs are read record by record.
import { compareKeys, type Value } from '@tsmr/sdk';
import type { KeyValue, RunReader } from './run-reader';

export type Group = [Value, Value[]];

/** Every record of the runs, in key order (stable: ties in run order). */
export function* mergeRecords(runs: readonly RunReader[]): Generator<KeyValue> {
  // A binary min-heap of the runs not yet exhausted, by current key, then run number.
  const heap = runs.map((run, index) => ({ run, index })).filter((entry) => entry.run.head !== undefined);
  type Entry = (typeof heap)[number];
  const before = (a: Entry, b: Entry): boolean => {
    const c = compareKeys((a.run.head as KeyValue)[0], (b.run.head as KeyValue)[0]);
    return c < 0 || (c === 0 && a.index < b.index);
  };
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left] as Entry, heap[least] as Entry)) least = left;
      if (right < heap.length && before(heap[right] as Entry, heap[least] as Entry)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] as Entry, heap[i] as Entry];
      i = least;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  while (heap.length > 0) {
    const top = heap[0] as Entry;
    yield top.run.head as KeyValue;
    top.run.advance();
    if (top.run.head === undefined) {
      heap[0] = heap[heap.length - 1] as Entry;
      heap.pop();
    }
    if (heap.length > 1) siftDown(0);
  }
}

/** Groups of equal keys of sorted runs, in key order. */
export function* mergeGroups(runs: readonly RunReader[]): Generator<Group> {
  let group: Group | undefined;
  for (const [key, value] of mergeRecords(runs)) {
    if (group !== undefined && compareKeys(group[0], key) === 0) {
      group[1].push(value);
    } else {
      if (group !== undefined) yield group;
      group = [key, [value]];
    }
  }
  if (group !== undefined) yield group;
}
