// A map attempt's output on local disk, and how it is made (Hadoop's MapOutputBuffer):
// records are partitioned and buffered in memory; when the buffer passes the sort budget
// each partition is sorted, combined and written as one sorted run (a spill); at the end
// the spills are merged, partition by partition and record by record, into `file.out`,
// indexed by `index.json` (see map-output-index.ts).
import fs from 'node:fs';
import path from 'node:path';
import {
  Counters,
  compareKeys,
  groupSorted,
  partitionOf,
  runCombine,
  sortRecords,
  type AnyJob,
  type Params,
  type Value,
} from '@tsmr/sdk';
import { MAP_OUTPUT_FILE, writeIndex, type Segment } from './map-output-index';
import { mergeGroups, type Group } from './merge';
import { RunReader, type KeyValue } from './run-reader';
import { RunWriter } from './run-writer';

/** Values handed to one runCombine call when combining merged groups. */
const COMBINE_BATCH_VALUES = 10_000;

/** Keys a Map can group exactly as compareKeys does (SameValueZero: -0 is 0, like the key order). */
type PrimitiveKey = string | number | boolean | null;

const RECORD_OVERHEAD = 32;

/** Rough bytes a value takes in memory: what the sort budget counts. */
function sizeOf(x: Value): number {
  if (typeof x === 'string') return 16 + x.length;
  if (typeof x !== 'object' || x === null) return 8;
  if (x instanceof Uint8Array) return 16 + x.length;
  let size = 16;
  if (Array.isArray(x)) for (const el of x as readonly Value[]) size += sizeOf(el);
  else for (const [k, v] of Object.entries(x)) size += k.length + sizeOf(v);
  return size;
}

/**
 * One partition's buffered records. Primitive keys are grouped in a hash map and only the
 * distinct keys are sorted; that yields exactly groupSorted(sortRecords(records)) (values
 * in emit order, keys in the one order) at a fraction of the cost when keys repeat. Other
 * keys (Buffers, arrays, objects) sort after every primitive, so they are sorted apart.
 */
class PartitionBuffer {
  private primitive = new Map<PrimitiveKey, Value[]>();
  private complex: Array<[Value, Value]> = [];
  private onlyStrings = true;

  add(key: Value, value: Value): void {
    if (typeof key === 'object' && key !== null) {
      this.complex.push([key, value]);
      return;
    }
    const values = this.primitive.get(key);
    if (values === undefined) {
      this.primitive.set(key, [value]);
      if (typeof key !== 'string') this.onlyStrings = false;
    } else {
      values.push(value);
    }
  }

  /** The buffered records as groups in key order; empties the buffer. */
  takeSortedGroups(): Group[] {
    const { primitive, complex } = this;
    const keys = [...primitive.keys()];
    // Strings alone: the default sort is compareKeys' order (UTF-16 code units), and faster.
    if (this.onlyStrings) keys.sort();
    else keys.sort(compareKeys);
    const groups = keys.map((key): Group => [key, primitive.get(key) as Value[]]);
    this.primitive = new Map();
    this.complex = [];
    this.onlyStrings = true;
    return complex.length === 0 ? groups : groups.concat(groupSorted(sortRecords(complex)));
  }
}

/** A sorted run on disk: one file, one segment per partition. */
interface Run {
  file: string;
  segments: Segment[];
}

export interface MapOutputOptions {
  job: AnyJob;
  params: Params;
  reducers: number;
  sortBufferBytes: number;
  /** Scratch dir for spills. */
  spillDir: string;
  /** Where file.out and index.json go. */
  outputDir: string;
  counters: Counters;
}

/** Collects a map attempt's output records and writes its map output. */
export class MapOutputBuffer {
  private readonly partitions: PartitionBuffer[];
  private bufferedBytes = 0;
  private bufferedRecords = 0;
  private readonly spills: Run[] = [];

  constructor(private readonly options: MapOutputOptions) {
    this.partitions = Array.from({ length: options.reducers }, () => new PartitionBuffer());
  }

  /** Partitions and buffers a batch of map output, spilling when the buffer is full. */
  collect(records: ReadonlyArray<KeyValue>): void {
    const { job, reducers, params } = this.options;
    // With one reducer and the default partitioner every key goes to 0: skip the hashing.
    const single = reducers === 1 && job.partition === undefined;
    let bytes = 0;
    for (const [key, value] of records) {
      const p = single ? 0 : partitionOf(job, key, reducers, params);
      (this.partitions[p] as PartitionBuffer).add(key, value);
      bytes += RECORD_OVERHEAD + sizeOf(key) + sizeOf(value);
    }
    this.bufferedBytes += bytes;
    this.bufferedRecords += records.length;
    if (this.bufferedBytes >= this.options.sortBufferBytes) this.spill();
  }

  /** Writes file.out and index.json; returns each partition's length in bytes. */
  finish(): number[] {
    const { outputDir } = this.options;
    fs.mkdirSync(outputDir, { recursive: true });
    const file = path.join(outputDir, MAP_OUTPUT_FILE);
    let segments: Segment[];
    if (this.spills.length === 0) {
      segments = this.writeBuffer(file);
    } else {
      if (this.bufferedRecords > 0) this.spill();
      segments = this.mergeSpills(file);
    }
    writeIndex(outputDir, { partitions: segments });
    return segments.map((s) => s.length);
  }

  private spill(): void {
    fs.mkdirSync(this.options.spillDir, { recursive: true });
    const file = path.join(this.options.spillDir, `spill${this.spills.length}.out`);
    this.spills.push({ file, segments: this.writeBuffer(file) });
  }

  /** Sorts, combines and writes the buffered records as one run; empties the buffer. */
  private writeBuffer(file: string): Segment[] {
    const segments = this.writeRun(file, (p) => this.combine((this.partitions[p] as PartitionBuffer).takeSortedGroups()));
    this.bufferedBytes = 0;
    this.bufferedRecords = 0;
    return segments;
  }

  /** Merges every spill's segment of each partition (combining again) into one run. */
  private mergeSpills(file: string): Segment[] {
    const fds = this.spills.map((run) => fs.openSync(run.file, 'r'));
    try {
      return this.writeRun(file, (p) => {
        const runs = this.spills.map((run, i) => {
          const segment = run.segments[p] as Segment;
          return RunReader.ofFileRange(fds[i] as number, segment.offset, segment.length);
        });
        return this.combine(mergeGroups(runs));
      });
    } finally {
      for (const fd of fds) fs.closeSync(fd);
    }
  }

  /** The combiner's output over sorted groups, a batch of groups at a time. */
  private *combine(groups: Iterable<Group>): Generator<KeyValue> {
    const { job, params, counters } = this.options;
    let batch: Group[] = [];
    let values = 0;
    const flush = () => {
      const result = runCombine(job, params, batch);
      counters.merge(result.counters);
      batch = [];
      values = 0;
      return result.records;
    };
    for (const group of groups) {
      batch.push(group);
      values += group[1].length;
      if (values >= COMBINE_BATCH_VALUES) yield* flush();
    }
    if (batch.length > 0) yield* flush();
  }

  /** Writes one sorted run: each partition's records, produced one partition at a time. */
  private writeRun(file: string, recordsOf: (partition: number) => Iterable<KeyValue>): Segment[] {
    const out = new RunWriter(file);
    const segments: Segment[] = [];
    try {
      for (let p = 0; p < this.options.reducers; p++) {
        let records = 0;
        for (const [key, value] of recordsOf(p)) {
          out.add(key, value);
          records++;
        }
        segments.push(out.segment());
        this.options.counters.add('SPILLED_RECORDS', records);
      }
    } finally {
      out.close();
    }
    return segments;
  }
}
