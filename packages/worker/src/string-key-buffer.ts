// One partition of a map attempt's buffered output while all its keys are strings (most
// jobs' keys), Hadoop's way: each record is encoded as it is collected (the very bytes a
// sorted run holds), and sorting orders an index of the records by their keys' UTF-8
// bytes. No hash map, no JS string comparisons, and no JS objects kept per record (they
// would live until the spill, and a key sliced from a line would keep its whole batch's
// text alive): the sort reads typed arrays, a job without a combiner writes its records by
// copying their bytes, and a combiner gets each group of two or more records decoded, as a
// spill merge gives them (a key's lone record is copied).
import { RecordEncoder, combinerPays, decodeRange, decodeRecords, stringBodyAt, type Value } from '@tsmr/sdk';
import { sortByKey, type SortedKeys } from './key-byte-sort';
import type { Group } from './merge';
import type { KeyValue } from './run-reader';
import type { RunWriter } from './run-writer';

/** Rough bytes of memory one record's index entries take (where it and its value start, its key range, sort index). */
const INDEX_BYTES_PER_RECORD = 20;

/** What writeCombined did: the partition's records and distinct keys, whether it combined them, and how many lone records it copied then. */
export interface CombineOutcome {
  records: number;
  keys: number;
  combined: boolean;
  lone: number;
}

export class StringKeyBuffer {
  private encoder = new RecordEncoder();
  /**
   * Where each record, and its value, start in the encoding; a record ends where the next
   * starts (the last where the encoding ends: sort() puts that after it).
   */
  private starts = new Int32Array(1024);
  private valueStarts = new Int32Array(1024);
  records = 0;

  /** Rough bytes of memory the buffered records take (the sort budget). */
  get bytes(): number {
    return this.encoder.length + this.records * INDEX_BYTES_PER_RECORD;
  }

  add(key: string, value: Value): void {
    if (this.records + 1 === this.starts.length) {
      this.starts = grown(this.starts);
      this.valueStarts = grown(this.valueStarts);
    }
    const { encoder } = this;
    this.starts[this.records] = encoder.length;
    encoder.addValue(key);
    this.valueStarts[this.records++] = encoder.length;
    encoder.addValue(value);
  }

  /** The buffered records decoded, in emit order (for a partition that must take other keys too); empties the buffer. */
  takeRecords(): Array<[Value, Value]> {
    const records = decodeRecords(this.encoder.peek());
    this.clear();
    return records;
  }

  /** Writes the records, sorted by key (stable), to `out` as they are encoded; empties the buffer. */
  writeSorted(out: RunWriter): void {
    const { data, order } = this.sort();
    out.addEncodedRecords(data, this.starts, order);
    this.clear();
  }

  /**
   * Writes the records to `out` in key order, combined; empties the buffer. A key's lone
   * record is copied as it is encoded (see runCombine); the groups of two or more go to
   * `combine` decoded (values in emit order), in batches of about `batchValues` values,
   * its output taking each group's place. Where the keys are too many for combining to pay
   * (combinerPays), every record is copied and the combiner never runs.
   */
  writeCombined(out: RunWriter, combine: (groups: Group[]) => ReadonlyArray<KeyValue>, batchValues: number): CombineOutcome {
    const { data, order, firsts } = this.sort();
    const { starts, valueStarts } = this;
    this.clear();
    const n = order.length;
    let keys = 0;
    for (let k = 0; k < n; k++) keys += firsts[k] as number;
    const outcome = { records: n, keys, lone: 0 };
    if (!combinerPays(n, keys)) {
      out.addEncodedRecords(data, starts, order);
      return { ...outcome, combined: false };
    }
    const copy = (r: number) => out.addEncoded(data, starts[r] as number, starts[r + 1] as number);
    let groups: Group[] = [];
    /** What the batch will write, in order: a lone record's index, or -1 for the next group's output. */
    let pending: number[] = [];
    let values = 0;
    const flush = () => {
      const combined = combine(groups);
      let next = 0;
      let group = 0;
      for (const r of pending) {
        if (r >= 0) {
          copy(r);
          continue;
        }
        // A combiner emits only its group's key (runCombine checks), so its records are
        // the run of outputs with that key.
        const key = (groups[group++] as Group)[0];
        for (; next < combined.length && (combined[next] as KeyValue)[0] === key; next++) out.add(key, (combined[next] as KeyValue)[1]);
      }
      groups = [];
      pending = [];
      values = 0;
    };
    let lone = 0;
    for (let i = 0; i < n; ) {
      const first = order[i] as number;
      let last = i + 1;
      while (last < n && firsts[last] === 0) last++;
      if (last === i + 1) {
        lone++;
        if (groups.length === 0) copy(first);
        else pending.push(first);
      } else {
        const list: Value[] = [];
        for (let j = i; j < last; j++) {
          const r = order[j] as number;
          list.push(decodeRange(data, valueStarts[r] as number, starts[r + 1] as number));
        }
        groups.push([decodeRange(data, starts[first] as number, valueStarts[first] as number), list]);
        pending.push(-1);
        values += list.length;
        if (values >= batchValues) flush();
      }
      i = last;
    }
    if (groups.length > 0) flush();
    return { ...outcome, combined: true, lone };
  }

  private clear(): void {
    this.encoder = new RecordEncoder();
    this.starts = new Int32Array(1024);
    this.valueStarts = new Int32Array(1024);
    this.records = 0;
  }

  /** The records' encoding and their order by key (see sortByKey); starts[records] is where the last one ends. */
  private sort(): SortedKeys & { data: Buffer } {
    const data = this.encoder.peek();
    const n = this.records;
    const { starts } = this;
    starts[n] = data.length;
    const keyStart = new Int32Array(n);
    for (let r = 0; r < n; r++) keyStart[r] = stringBodyAt(data, starts[r] as number);
    const keyEnd = this.valueStarts.subarray(0, n);
    return { data, ...sortByKey({ data, keyStart, keyEnd }, n) };
  }
}

/** A copy of the array, twice as long. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}
