// Running user code over a batch of records: the only place map, combine and reduce are
// called. runLocal and the engine's worker threads both use these functions, so the local
// oracle and the cluster agree by construction. Each returns the records emitted and the
// counters touched, built-in (Hadoop's names) and user ones, as plain serializable data.
import type { AnyJob } from './define-job';
import { compareKeys, defaultPartition } from './keys';
import { Counters } from './counters';
import { InvalidRecordError } from './errors';
import type { Params } from './params';
import { assertValue, type Value } from './values';

export interface BatchResult {
  records: Array<[Value, Value]>;
  counters: Record<string, number>;
}

function collector(): { records: Array<[Value, Value]>; emit(key: Value, value: Value): void } {
  const records: Array<[Value, Value]> = [];
  return {
    records,
    emit(key: Value, value: Value): void {
      assertValue(key, 'key');
      assertValue(value, 'value');
      records.push([key, value]);
    },
  };
}

/**
 * Runs map over a batch of records read from `inputPath` (lines, or one whole file's text).
 * Emitted keys and values are kept by reference: user code must not mutate them afterwards.
 */
export function runMapBatch(job: AnyJob, params: Params, records: readonly string[], inputPath: string): BatchResult {
  const counters = new Counters();
  const out = collector();
  const ctx = { emit: out.emit, counter: (name: string) => counters.counter(name), params, inputPath };
  for (const record of records) job.map(record, ctx);
  counters.add('MAP_INPUT_RECORDS', records.length);
  counters.add('MAP_OUTPUT_RECORDS', out.records.length);
  return { records: out.records, counters: counters.toJSON() };
}

/**
 * Runs combine over groups of one map task's output (sorted by key, as groupSorted makes
 * them). A job without combine passes its groups through unchanged. The output stays sorted
 * because a combiner must keep each group's key; emitting another key throws.
 *
 * A key with one value is passed through too: there is nothing to combine, and a combiner
 * may run on any part of a key's values, none included (Hadoop's contract), so its result
 * cannot differ. The engine then copies such a record as it is encoded (in a job like
 * unique users most of a map's keys are lone ones). COMBINE_INPUT_RECORDS and
 * COMBINE_OUTPUT_RECORDS count the records into and out of this step, lone ones included.
 */
export function runCombine(job: AnyJob, params: Params, groups: Iterable<readonly [Value, Value[]]>): BatchResult {
  const counters = new Counters();
  const records: Array<[Value, Value]> = [];
  let groupKey: Value = null;
  const ctx = {
    emit(k: Value, v: Value): void {
      assertValue(k, 'key');
      assertValue(v, 'value');
      if (k !== groupKey && compareKeys(k, groupKey) !== 0) {
        throw new InvalidRecordError(
          `combine emitted key ${describeKey(k)} for group ${describeKey(groupKey)}; a combiner must keep its group's key`,
        );
      }
      records.push([k, v]);
    },
    counter: (name: string) => counters.counter(name),
    params,
  };
  let inputRecords = 0;
  for (const [key, values] of groups) {
    inputRecords += values.length;
    if (job.combine === undefined || values.length === 1) {
      for (const v of values) records.push([key, v]);
    } else {
      groupKey = key;
      job.combine(key, values, ctx);
    }
  }
  if (job.combine !== undefined) {
    counters.add('COMBINE_INPUT_RECORDS', inputRecords);
    counters.add('COMBINE_OUTPUT_RECORDS', records.length);
  }
  return { records, counters: counters.toJSON() };
}

function describeKey(k: Value): string {
  return k instanceof Uint8Array ? `<Buffer ${Buffer.from(k).toString('hex')}>` : JSON.stringify(k);
}

/**
 * Runs reduce over a batch of groups of one partition, in key order. A job without reduce
 * outputs every value of a group under its key (the identity reduce).
 */
export function runReduce(job: AnyJob, params: Params, groups: Iterable<readonly [Value, Value[]]>): BatchResult {
  const counters = new Counters();
  const out = collector();
  const ctx = { emit: out.emit, counter: (name: string) => counters.counter(name), params };
  let groupCount = 0;
  let inputRecords = 0;
  for (const [key, values] of groups) {
    groupCount++;
    inputRecords += values.length;
    if (job.reduce === undefined) for (const v of values) out.records.push([key, v]);
    else job.reduce(key, values, ctx);
  }
  countReduce(counters, groupCount, inputRecords, out.records.length);
  return { records: out.records, counters: counters.toJSON() };
}

/** Adds a reduce's built-in counters (for an engine that runs the identity reduce on encoded records itself). */
export function countReduce(counters: Counters, groups: number, inputRecords: number, outputRecords: number): void {
  counters.add('REDUCE_INPUT_GROUPS', groups);
  counters.add('REDUCE_INPUT_RECORDS', inputRecords);
  counters.add('REDUCE_OUTPUT_RECORDS', outputRecords);
}

/** The partition of a key: the job's partition function, checked, or the key's hash. */
export function partitionOf(job: AnyJob, key: Value, numReducers: number, params: Params): number {
  if (job.partition === undefined) return defaultPartition(key, numReducers);
  const p: unknown = job.partition(key, numReducers, params);
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= numReducers) {
    throw new InvalidRecordError(
      `partition returned ${String(p)} for key ${describeKey(key)}; with ${numReducers} reducers it must be an integer from 0 to ${numReducers - 1}`,
    );
  }
  return p;
}
