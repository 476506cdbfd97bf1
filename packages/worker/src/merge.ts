// The k-way merge of sorted runs (a map's spills, or every map's segment of a reduce's
// partition) into groups of equal keys, in the one key order. Among equal keys the runs'
// order is kept (all of run 0's values, then run 1's...), as runLocal's stable sort of the
// runs concatenated in task order does, so the cluster and the oracle group alike.
import { compareKeys, type Value } from '@tsmr/sdk';

export type KeyValue = readonly [Value, Value];
export type Group = [Value, Value[]];

/** Groups of equal keys of sorted runs, in key order. */
export function* mergeGroups(runs: ReadonlyArray<ReadonlyArray<KeyValue>>): Generator<Group> {
  const position = runs.map(() => 0);
  const head = (run: number): KeyValue => (runs[run] as ReadonlyArray<KeyValue>)[position[run] as number] as KeyValue;
  // A binary min-heap of run numbers, ordered by each run's current key, then run number.
  const before = (a: number, b: number): boolean => {
    const c = compareKeys(head(a)[0], head(b)[0]);
    return c < 0 || (c === 0 && a < b);
  };
  const heap: number[] = [];
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left] as number, heap[least] as number)) least = left;
      if (right < heap.length && before(heap[right] as number, heap[least] as number)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] as number, heap[i] as number];
      i = least;
    }
  };
  runs.forEach((run, r) => {
    if (run.length > 0) heap.push(r);
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);

  let group: Group | undefined;
  while (heap.length > 0) {
    const run = heap[0] as number;
    const [key, value] = head(run);
    if (group !== undefined && compareKeys(group[0], key) === 0) {
      group[1].push(value);
    } else {
      if (group !== undefined) yield group;
      group = [key, [value]];
    }
    position[run] = (position[run] as number) + 1;
    if ((position[run] as number) >= (runs[run] as ReadonlyArray<KeyValue>).length) {
      heap[0] = heap[heap.length - 1] as number;
      heap.pop();
    }
    if (heap.length > 0) siftDown(0);
  }
  if (group !== undefined) yield group;
}
