// The k-way merge of sorted runs (a map's spills, or every map's segment of a reduce's
// partition), in the one key order. Among equal keys the runs' order is kept (all of run
// 0's values, then run 1's...), as runLocal's stable sort of the runs concatenated in task
// order does, so the cluster and the oracle group alike. Runs are read record by record.
//
// A loser tree picks the next record: log2(k) key comparisons per record, half of what a
// binary heap's sift-down costs. Records stay encoded: string keys are compared by their
// UTF-8 bytes (in compareKeys' order), a group's key is decoded once, and records that
// need no decoding (a merge into a file, an identity reduce) are copied as bytes.
import { compareKeys, copyBytes, type Value } from '@tsmr/sdk';
import { PREFIX_BYTES, compareUtf8, equalBytes } from './key-byte-sort';
import type { RunReader } from './run-reader';
import type { RunWriter } from './run-writer';

export type Group = [Value, Value[]];

/** The order of two runs' current keys. */
function compareHeads(a: RunReader, b: RunReader): number {
  if (a.stringKey >= 0 && b.stringKey >= 0) {
    if (a.keyHigh !== b.keyHigh) return a.keyHigh - b.keyHigh;
    if (a.keyMid !== b.keyMid) return a.keyMid - b.keyMid;
    if (a.keyLow !== b.keyLow) return a.keyLow - b.keyLow;
    // The keys agree on their first PREFIX_BYTES bytes, words being 0 past a key's end: a
    // key that ends within them is a prefix of the other (or equal), so the shorter is first.
    const lengthA = a.valueStart - a.stringKey;
    const lengthB = b.valueStart - b.stringKey;
    if (lengthA <= PREFIX_BYTES || lengthB <= PREFIX_BYTES) return lengthA - lengthB;
    return compareUtf8(a.window, a.stringKey + PREFIX_BYTES, a.valueStart, b.window, b.stringKey + PREFIX_BYTES, b.valueStart);
  }
  return compareKeys(a.key(), b.key());
}

/** Picks, record after record, the run whose current record comes next. */
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

  /** The run holding the next record (read it before pop()), or undefined when every run is exhausted. */
  peek(): RunReader | undefined {
    const run = this.runs[this.tree[0] as number];
    return run === undefined || run.done ? undefined : run;
  }

  /** Moves past the record peek() gave. */
  pop(): void {
    const winner = this.tree[0] as number;
    (this.runs[winner] as RunReader).advance();
    this.replay(winner);
  }

  /** Whether run a's head comes before run b's (exhausted runs last, ties by run number). */
  private before(a: number, b: number): boolean {
    if (b < 0) return true;
    if (a < 0) return false;
    const ra = this.runs[a] as RunReader;
    const rb = this.runs[b] as RunReader;
    if (rb.done) return !ra.done || a < b;
    if (ra.done) return false;
    const c = compareHeads(ra, rb);
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

/** The key of the group being merged, kept encoded to tell the next records of that key by their bytes. */
class GroupKey {
  private bytes = Buffer.allocUnsafe(256);
  private length = 0;
  private isString = false;
  /** A string key's prefix words (RunReader's): most other keys differ in them. */
  private keyHigh = 0;
  private keyMid = 0;
  private keyLow = 0;
  /** The decoded key, for keys other than strings (whose encodings may differ for equal keys). */
  private key: Value = null;

  /** Starts a group at the run's current record. */
  start(run: RunReader): void {
    this.length = run.valueStart - run.start;
    if (this.length > this.bytes.length) this.bytes = Buffer.allocUnsafe(2 * this.length);
    copyBytes(run.window, run.start, run.valueStart, this.bytes, 0);
    this.isString = run.stringKey >= 0;
    this.keyHigh = run.keyHigh;
    this.keyMid = run.keyMid;
    this.keyLow = run.keyLow;
    this.key = this.isString ? null : run.key();
  }

  /** Whether the run's current record has this key. */
  matches(run: RunReader): boolean {
    const { window, start } = run;
    if (this.isString && run.stringKey >= 0) {
      if (run.keyHigh !== this.keyHigh || run.keyMid !== this.keyMid || run.keyLow !== this.keyLow) return false;
      // Equal words and encodings of equal length: the same key if it ends within the words.
      if (run.valueStart - start === this.length && run.valueStart - run.stringKey <= PREFIX_BYTES) return true;
    }
    if (run.valueStart - start === this.length && equalBytes(window, start, this.bytes, 0, this.length)) return true;
    // Two different encodings are different keys, except for objects (property order).
    if (this.isString || run.stringKey >= 0) return false;
    return compareKeys(run.key(), this.key) === 0;
  }
}

/** Writes every record of the runs, in key order (stable: ties in run order), to `out` as they are encoded; returns how many. */
export function writeMerged(runs: readonly RunReader[], out: RunWriter): number {
  const merger = new RunMerger(runs);
  let records = 0;
  for (let run = merger.peek(); run !== undefined; run = merger.peek()) {
    out.addEncoded(run.window, run.start, run.end);
    records++;
    merger.pop();
  }
  return records;
}

/** Walks the runs' records in key order: onRecord(run, first) for each, `first` when it starts a group of equal keys. */
export function forEachMerged(runs: readonly RunReader[], onRecord: (run: RunReader, first: boolean) => void): void {
  const merger = new RunMerger(runs);
  const group = new GroupKey();
  let any = false;
  for (let run = merger.peek(); run !== undefined; run = merger.peek()) {
    const first = !any || !group.matches(run);
    if (first) group.start(run);
    any = true;
    onRecord(run, first);
    merger.pop();
  }
}

/** Groups of equal keys of sorted runs, in key order, decoded. */
export function* mergeGroups(runs: readonly RunReader[]): Generator<Group> {
  const merger = new RunMerger(runs);
  const group = new GroupKey();
  let run = merger.peek();
  while (run !== undefined) {
    const key = run.key();
    group.start(run);
    const values = [run.value()];
    merger.pop();
    for (run = merger.peek(); run !== undefined && group.matches(run); run = merger.peek()) {
      values.push(run.value());
      merger.pop();
    }
    yield [key, values];
  }
}
