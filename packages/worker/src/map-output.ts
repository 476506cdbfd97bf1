// A map attempt's output on local disk, and how it is made (Hadoop's MapOutputBuffer):
// records are partitioned and buffered in memory; when the buffer passes the sort budget
// each partition is sorted, combined and written as one sorted run (a spill); at the end
// the spills are merged, partition by partition and record by record, into `file.out`,
// indexed by `index.json` (see map-output-index.ts).
import fs from 'node:fs';
import path from 'node:path';
import { Counters, combinerPays, partitionOf, runCombine, type AnyJob, type Params } from '@tsmr/sdk';
import { GroupBuffer, writeGroups } from './group-buffer';
import { StringKeyBuffer, type CombineOutcome } from './string-key-buffer';
import { MAP_OUTPUT_FILE, writeIndex, type Segment } from './map-output-index';
import { mergeGroups, writeMerged, type Group } from './merge';
import { RunReader, type KeyValue } from './run-reader';
import { RunWriter } from './run-writer';

/** Values handed to one runCombine call when combining merged groups. */
const COMBINE_BATCH_VALUES = 10_000;

/** How many records a partition held when sorted, and how many distinct keys (see combinerPays). */
type KeyCount = Pick<CombineOutcome, 'records' | 'keys'>;

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
  /** Called as spills and merges are written (the task timeout watches progress). */
  progressed(): void;
}

/** Collects a map attempt's output records and writes its map output. */
export class MapOutputBuffer {
  /** A partition's buffer holds string keys by their bytes until another kind of key comes (then all go to a GroupBuffer). */
  private readonly partitions: Array<StringKeyBuffer | GroupBuffer>;
  private readonly spills: Run[] = [];
  /**
   * Each partition's records and distinct keys summed over the spills: their merge combines
   * the partition again where combinerPays says so of the sums (a partition whose every
   * spill has mostly distinct keys is merged by copying).
   */
  private readonly spilled: KeyCount[];

  constructor(private readonly options: MapOutputOptions) {
    this.partitions = Array.from({ length: options.reducers }, () => new StringKeyBuffer());
    this.spilled = Array.from({ length: options.reducers }, () => ({ records: 0, keys: 0 }));
  }

  /** Partitions and buffers a batch of map output, spilling when the buffer is full. */
  collect(records: ReadonlyArray<KeyValue>): void {
    const { job, reducers, params } = this.options;
    // With one reducer and the default partitioner every key goes to 0: skip the hashing.
    const single = reducers === 1 && job.partition === undefined;
    for (const [key, value] of records) {
      const p = single ? 0 : partitionOf(job, key, reducers, params);
      let partition = this.partitions[p] as StringKeyBuffer | GroupBuffer;
      if (partition instanceof StringKeyBuffer) {
        if (typeof key === 'string') {
          partition.add(key, value);
          continue;
        }
        const grouped = new GroupBuffer();
        for (const [k, v] of partition.takeRecords()) grouped.add(k, v);
        this.partitions[p] = partition = grouped;
      }
      partition.add(key, value);
    }
    const bufferedBytes = this.partitions.reduce((sum, p) => sum + p.bytes, 0);
    if (bufferedBytes >= this.options.sortBufferBytes) this.spill();
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
      if (this.partitions.some((p) => p.records > 0)) this.spill();
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
    return this.writeRun(file, (p, out) => {
      const partition = this.partitions[p] as StringKeyBuffer | GroupBuffer;
      if (this.options.job.combine === undefined) {
        partition.writeSorted(out);
        return;
      }
      const { records, keys } = partition instanceof StringKeyBuffer ? this.combineByBytes(partition, out) : this.combineGroups(partition, out);
      const spilled = this.spilled[p] as KeyCount;
      spilled.records += records;
      spilled.keys += keys;
    });
  }

  /** Writes a grouped partition combined, or as it is where its keys are too many for combining to pay (see combinerPays). */
  private combineGroups(partition: GroupBuffer, out: RunWriter): KeyCount {
    const records = partition.records;
    const groups = partition.takeSortedGroups();
    if (combinerPays(records, groups.length)) this.combineInto(groups, out);
    else writeGroups(groups, out);
    return { records, keys: groups.length };
  }

  /** Merges every spill's segment of each partition (combining again where that pays) into one run. */
  private mergeSpills(file: string): Segment[] {
    const fds = this.spills.map((run) => fs.openSync(run.file, 'r'));
    try {
      return this.writeRun(file, (p, out) => {
        const runs = this.spills.map((run, i) => {
          const segment = run.segments[p] as Segment;
          return RunReader.ofFileRange(fds[i] as number, segment.offset, segment.length);
        });
        const spilled = this.spilled[p] as KeyCount;
        if (this.options.job.combine !== undefined && combinerPays(spilled.records, spilled.keys)) this.combineInto(mergeGroups(runs), out);
        else writeMerged(runs, out);
      });
    } finally {
      for (const fd of fds) fs.closeSync(fd);
    }
  }

  /** Writes the combiner's output over sorted groups, a batch of groups at a time. */
  private combineInto(groups: Iterable<Group>, out: RunWriter): void {
    let batch: Group[] = [];
    let values = 0;
    const flush = () => {
      for (const [key, value] of this.combine(batch)) out.add(key, value);
      batch = [];
      values = 0;
    };
    for (const group of groups) {
      batch.push(group);
      values += group[1].length;
      if (values >= COMBINE_BATCH_VALUES) flush();
    }
    if (batch.length > 0) flush();
  }

  /** Combines a partition of string keys into `out` where that pays, its lone records copied as bytes. */
  private combineByBytes(partition: StringKeyBuffer, out: RunWriter): CombineOutcome {
    const outcome = partition.writeCombined(out, (groups) => this.combine(groups), COMBINE_BATCH_VALUES);
    if (outcome.combined) {
      // Counted as runCombine counts the lone records it passes through.
      this.options.counters.add('COMBINE_INPUT_RECORDS', outcome.lone);
      this.options.counters.add('COMBINE_OUTPUT_RECORDS', outcome.lone);
    }
    return outcome;
  }

  /** The combiner's output over a batch of groups; its counters are added to the attempt's. */
  private combine(groups: Group[]): ReadonlyArray<KeyValue> {
    const { job, params, counters } = this.options;
    const result = runCombine(job, params, groups);
    counters.merge(result.counters);
    return result.records;
  }

  /** Writes one sorted run: each partition's records, written one partition at a time. */
  private writeRun(file: string, writePartition: (partition: number, out: RunWriter) => void): Segment[] {
    const out = new RunWriter(file, this.options.progressed);
    const segments: Segment[] = [];
    try {
      for (let p = 0; p < this.options.reducers; p++) {
        writePartition(p, out);
        segments.push(out.segment());
      }
    } finally {
      out.close();
    }
    this.options.counters.add('SPILLED_RECORDS', out.records);
    return segments;
  }
}
