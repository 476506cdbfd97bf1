// runLocal: a whole job in-process, the way the cluster runs it: input split into map tasks,
// map per task, partition, sort and combine per task and partition, then per partition a
// merge by key, grouping and reduce. The user code runs through the same task-runner
// functions the cluster's workers call, so this is the oracle for a job's unit tests.
import { Counters } from './counters';
import { validateJob, type JobDefinition } from './define-job';
import { combinerPays } from './combine-check';
import { groupSorted, sortRecords } from './grouping';
import { linesOfSplit } from './lines';
import { resolveParams, type Params } from './params';
import { partitionOf, runCombine, runMapBatch, runReduce, type BatchResult } from './task-runner';
import type { Value } from './values';

/** The cluster's default split size (the DFS block size). */
export const DEFAULT_SPLIT_BYTES = 64 * 1024 * 1024;
/** The path map sees (ctx.inputPath) when runLocal's input is a single string or Buffer. */
export const LOCAL_INPUT_PATH = 'input';

export interface LocalFile {
  readonly path: string;
  readonly content: string | Buffer;
}
export type LocalInput = string | Buffer | readonly LocalFile[];

export interface LocalOptions {
  /** Number of reduce partitions (default 1). 0: map-only, no sort, combine or reduce. */
  readonly reducers?: number;
  /** Param overrides, as `--param name=value` gives them. */
  readonly params?: Readonly<Record<string, string>>;
  /** Split size in bytes for line input (default 64 MiB): each split is one map task. */
  readonly splitBytes?: number;
}

export interface LocalResult<K extends Value, V extends Value> {
  /**
   * One array per reduce partition, sorted by key (what part-r-NNNNN files would hold).
   * Map-only: one array per map task, in emit order (what part-m-NNNNN files would hold).
   */
  partitions: Array<Array<[K, V]>>;
  /** All partitions concatenated. */
  output: Array<[K, V]>;
  /** Built-in counters (MAP_INPUT_RECORDS, ...) and user counters, summed over all tasks. */
  counters: Record<string, number>;
}

interface MapTask {
  readonly path: string;
  readonly records: string[];
}

/** Runs a job in-process; see LocalOptions. With `reducers: 0` the output is map output. */
export function runLocal<P extends Params, K extends Value, V extends Value, OK extends Value, OV extends Value>(
  job: JobDefinition<P, K, V, OK, OV>,
  input: LocalInput,
  options: LocalOptions & { readonly reducers: 0 },
): LocalResult<K, V>;
export function runLocal<P extends Params, K extends Value, V extends Value, OK extends Value, OV extends Value>(
  job: JobDefinition<P, K, V, OK, OV>,
  input: LocalInput,
  options?: LocalOptions,
): LocalResult<OK, OV>;
export function runLocal(job: JobDefinition, input: LocalInput, options: LocalOptions = {}): LocalResult<Value, Value> {
  validateJob(job);
  const reducers = options.reducers ?? 1;
  const splitBytes = options.splitBytes ?? DEFAULT_SPLIT_BYTES;
  if (!Number.isInteger(reducers) || reducers < 0) throw new RangeError(`reducers must be an integer ≥ 0, got ${reducers}`);
  if (!Number.isInteger(splitBytes) || splitBytes < 1) throw new RangeError(`splitBytes must be an integer ≥ 1, got ${splitBytes}`);
  const params = resolveParams(job.params ?? {}, options.params ?? {});
  const counters = new Counters();
  const add = (result: BatchResult): Array<[Value, Value]> => {
    counters.merge(result.counters);
    return result.records;
  };

  const mapOutputs = planMapTasks(toFiles(input), job.input ?? 'lines', splitBytes).map((task) =>
    add(runMapBatch(job, params, task.records, task.path)),
  );
  let partitions: Array<Array<[Value, Value]>>;
  if (reducers === 0) {
    partitions = mapOutputs;
  } else {
    // Map side, per task: partition, sort each partition, combine it where that pays.
    const shuffled: Array<Array<[Value, Value]>> = Array.from({ length: reducers }, () => []);
    for (const records of mapOutputs) {
      const buckets: Array<Array<[Value, Value]>> = Array.from({ length: reducers }, () => []);
      for (const record of records) buckets[partitionOf(job, record[0], reducers, params)]?.push(record);
      buckets.forEach((bucket, p) => {
        const sorted = sortRecords(bucket);
        const groups = job.combine === undefined ? undefined : groupSorted(sorted);
        const combined = groups && combinerPays(sorted.length, groups.length) ? add(runCombine(job, params, groups)) : sorted;
        const target = shuffled[p] as Array<[Value, Value]>;
        for (const record of combined) target.push(record);
      });
    }
    // Reduce side, per partition: merge the tasks' sorted runs (a stable sort keeps task
    // order among equal keys), group, reduce.
    partitions = shuffled.map((records) => add(runReduce(job, params, groupSorted(sortRecords(records)))));
  }
  return { partitions, output: partitions.flat(), counters: counters.toJSON() };
}

function toFiles(input: LocalInput): Array<{ path: string; content: Buffer }> {
  const files = typeof input === 'string' || Buffer.isBuffer(input) ? [{ path: LOCAL_INPUT_PATH, content: input }] : input;
  return files.map((f) => ({ path: f.path, content: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content }));
}

function planMapTasks(files: Array<{ path: string; content: Buffer }>, mode: string, splitBytes: number): MapTask[] {
  const tasks: MapTask[] = [];
  for (const { path, content } of files) {
    if (mode === 'whole-file') {
      tasks.push({ path, records: [content.toString('utf8')] });
      continue;
    }
    for (let start = 0; start < content.length; start += splitBytes) {
      tasks.push({ path, records: linesOfSplit(content, start, Math.min(start + splitBytes, content.length)) });
    }
  }
  return tasks;
}
