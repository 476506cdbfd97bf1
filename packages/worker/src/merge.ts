// The k-way merge of sorted runs (a map's spills, or every map's segment of a reduce's
// partition), in the one key order. Among equal keys the runs' order is kept (all of run
// 0's values, then run 1's...), as runLocal's stable sort of the runs concatenated in task
// order does, so the cluster and the oracle group alike. Runs are read record by record.
//
// A loser tree picks the next record: log2(k) key comparisons per record, half of what a
// binary heap's sift-down costs (the merge was a third of a reduce's time).
import { compareKeys, type Value } from '@tsmr/sdk';
import type { KeyValue, RunReader } from './run-reader';

export type Group = [Value, Value[]];

/** Takes records out of sorted runs in key order. */
class RunMerger {
  /** tree[0]: the run whose head is next; tree[1..k-1]: the loser of each match. */
  private readonly tree: number[];

  constructor(private readonly runs: readonly RunReader[]) {
    const k = runs.length;
    this.tree = new Array<number>(Math.max(1, k)).fill(-1);
    // Leaves k..2k-1 are the runs; play every match bottom-up: each node keeps its loser
    // and passes its winner on.
    const winners = new Array<number>(2 * k);
    for (let run = 0; run < k; run++) winners[k + run] = run;
    for (let node = k - 1; node >= 1; node--) {
      const a = winners[2 * node] as number;
      const b = winners[2 * node + 1] as number;
      const aFirst = this.before(a, b);
      winners[node] = aFirst ? a : b;
      this.tree[node] = aFirst ? b : a;
    }
    this.tree[0] = k === 1 ? 0 : k === 0 ? -1 : (winners[1] as number);
  }

  /** The next record, or undefined when every run is exhausted. */
  next(): KeyValue | undefined {
    const winner = this.tree[0] as number;
    const run = this.runs[winner];
    const head = run?.head;
    if (head === undefined) return undefined;
    (run as RunReader).advance();
    this.replay(winner);
    return head;
  }

  /** Whether run a's head comes before run b's (exhausted runs last, ties by run number). */
  private before(a: number, b: number): boolean {
    if (b < 0) return true;
    if (a < 0) return false;
    const ha = (this.runs[a] as RunReader).head;
    const hb = (this.runs[b] as RunReader).head;
    if (hb === undefined) return ha !== undefined || a < b;
    if (ha === undefined) return false;
    const c = compareKeys(ha[0], hb[0]);
    return c < 0 || (c === 0 && a < b);
  }

  /** Replays the matches from run's leaf to the root. */
  private replay(run: number): void {
    const { tree } = this;
    let winner = run;
    for (let node = (run + this.runs.length) >> 1; node > 0; node >>= 1) {
      const loser = tree[node] as number;
      if (this.before(loser, winner)) {
        tree[node] = winner;
        winner = loser;
      }
    }
    tree[0] = winner;
  }
}

/** Every record of the runs, in key order (stable: ties in run order). */
export function* mergeRecords(runs: readonly RunReader[]): Generator<KeyValue> {
  const merger = new RunMerger(runs);
  for (let record = merger.next(); record !== undefined; record = merger.next()) yield record;
}

/** Groups of equal keys of sorted runs, in key order. */
export function* mergeGroups(runs: readonly RunReader[]): Generator<Group> {
  const merger = new RunMerger(runs);
  let record = merger.next();
  while (record !== undefined) {
    const key = record[0];
    const values = [record[1]];
    for (record = merger.next(); record !== undefined && (record[0] === key || compareKeys(record[0], key) === 0); record = merger.next()) {
      values.push(record[1]);
    }
    yield [key, values];
  }
}
