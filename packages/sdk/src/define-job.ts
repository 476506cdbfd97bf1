// The job contract: what a job author writes, its types, and the check the engine runs on
// whatever a job module exports.
//
// map, combine and reduce are synchronous on purpose: the engine hands user code whole
// batches of records (a per-record hop into a worker thread costs ~66 µs, a batched one
// ~0.4 µs), and a batch is only a batch if user code runs straight through it. Awaiting
// per record would put the per-record cost back.
import type { Counter } from './counters';
import { InvalidJobError } from './errors';
import type { Params } from './params';
import { describeType, isJson, isPlainObject, type Value } from './values';

/** `lines` (default): map gets one call per line. `whole-file`: one call per file, with its whole text. */
export type InputMode = 'lines' | 'whole-file';
export const INPUT_MODES: readonly InputMode[] = ['lines', 'whole-file'];

/** What map gets besides its record. */
export interface MapContext<K extends Value, V extends Value, P extends Params = Params> {
  /** Outputs a record. Keys and values are checked here: a bad one throws InvalidRecordError. */
  emit(key: K, value: V): void;
  /** A named user counter; `ctx.counter('bad-lines').increment()`. */
  counter(name: string): Counter;
  /** The job's params: the defaults, overridden by `--param name=value`. */
  readonly params: Readonly<P>;
  /** The path of the file this record comes from. */
  readonly inputPath: string;
}

/** What combine gets: it runs on one map task's output, per key with two or more values, and must keep each group's key. */
export interface CombineContext<K extends Value, V extends Value, P extends Params = Params> {
  emit(key: K, value: V): void;
  counter(name: string): Counter;
  readonly params: Readonly<P>;
}

/** What reduce gets. Its emit types (OK, OV) are the job's output types. */
export interface ReduceContext<OK extends Value, OV extends Value, P extends Params = Params> {
  emit(key: OK, value: OV): void;
  counter(name: string): Counter;
  readonly params: Readonly<P>;
}

export type Mapper<K extends Value, V extends Value, P extends Params = Params> = (
  record: string,
  ctx: MapContext<K, V, P>,
) => void;
export type Combiner<K extends Value, V extends Value, P extends Params = Params> = (
  key: K,
  values: V[],
  ctx: CombineContext<K, V, P>,
) => void;
export type Reducer<K extends Value, V extends Value, OK extends Value, OV extends Value, P extends Params = Params> = (
  key: K,
  values: V[],
  ctx: ReduceContext<OK, OV, P>,
) => void;
/** Picks the reducer (0 ≤ result < numReducers) of a key; the default hashes the key. */
export type Partitioner<K extends Value, P extends Params = Params> = (key: K, numReducers: number, params: Readonly<P>) => number;

/**
 * A job. P: params (typed from the defaults); K, V: map output (= combine in and out =
 * reduce input); OK, OV: reduce output (default K, V).
 */
export interface JobDefinition<
  P extends Params = Params,
  K extends Value = Value,
  V extends Value = Value,
  OK extends Value = K,
  OV extends Value = V,
> {
  /** Shown in job listings and logs. */
  readonly name: string;
  readonly params?: P;
  readonly input?: InputMode;
  readonly map: Mapper<K, V, P>;
  /** Optional; pre-aggregates map output per map task. Must not change the job's result. */
  readonly combine?: Combiner<K, V, P>;
  /** Optional; without it every map output record is output as is (sorted and partitioned). */
  readonly reduce?: Reducer<K, V, OK, OV, P>;
  readonly partition?: Partitioner<K, P>;
}

/** Any job, whatever its types: what the engine handles. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJob = JobDefinition<any, any, any, any, any>;

/**
 * Declares a job. Types flow from one annotation: give map's context its output types,
 * `map(line, ctx: MapContext<string, number>)`, and combine and reduce get `key: string,
 * values: number[]`; emitting anything else is a compile error. Params are typed from the
 * defaults in combine and reduce; for map, name them: `ctx: MapContext<string, number,
 * typeof params>` with `const params = {...}` declared above the job. Checks the job at once
 * (validateJob), so a broken job fails where it is defined.
 */
export function defineJob<
  P extends Params = Record<never, never>,
  K extends Value = Value,
  V extends Value = Value,
  OK extends Value = K,
  OV extends Value = V,
>(job: {
  readonly name: string;
  readonly params?: P;
  readonly input?: InputMode;
  // NoInfer: P comes from `params` only, K and V from map only, so a mistake in combine or
  // reduce is reported there instead of widening the types.
  readonly map: Mapper<K, V, NoInfer<P>>;
  readonly combine?: Combiner<NoInfer<K>, NoInfer<V>, NoInfer<P>>;
  readonly reduce?: Reducer<NoInfer<K>, NoInfer<V>, OK, OV, NoInfer<P>>;
  readonly partition?: Partitioner<NoInfer<K>, NoInfer<P>>;
}): JobDefinition<P, K, V, OK, OV> {
  validateJob(job);
  return job;
}

/**
 * Throws InvalidJobError, naming what is wrong, unless `x` is a job: what the engine calls
 * on a job module's default export.
 */
export function validateJob(x: unknown): asserts x is AnyJob {
  const fail = (message: string): never => {
    throw new InvalidJobError(message);
  };
  if (typeof x !== 'object' || x === null) {
    fail(`a job must be an object made by defineJob({...}), got ${describeType(x)} (does the module \`export default defineJob(...)\`?)`);
  }
  const job = x as Record<string, unknown>;
  if (typeof job.name !== 'string' || job.name.trim() === '') fail('job has no name (a non-empty string)');
  if (job.map === undefined) fail(`job "${String(job.name)}" has no map function`);
  for (const fn of ['map', 'combine', 'reduce', 'partition']) {
    if (job[fn] !== undefined && typeof job[fn] !== 'function') fail(`${fn} must be a function, got ${describeType(job[fn])}`);
  }
  if (job.input !== undefined && !INPUT_MODES.includes(job.input as InputMode)) {
    fail(`input must be one of ${INPUT_MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(job.input) ?? describeType(job.input)}`);
  }
  if (job.params !== undefined) {
    const params = job.params;
    if (typeof params !== 'object' || params === null || Array.isArray(params) || !isPlainObject(params)) {
      fail(`params must be an object of default values, got ${describeType(params)}`);
    }
    for (const [name, value] of Object.entries(params as object)) {
      if (!isJson(value)) fail(`param "${name}" must default to JSON data (a string, number, boolean, array or object), got ${describeType(value)}`);
    }
  }
}
