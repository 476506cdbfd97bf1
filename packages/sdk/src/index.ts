// @tsmr/sdk: what MapReduce job authors import. No gRPC, no networking, no dependencies:
// a job bundle built on it stays small and starts fast in a worker thread.

// ---- Writing a job ----
export {
  defineJob,
  type JobDefinition,
  type InputMode,
  type Mapper,
  type Combiner,
  type Reducer,
  type Partitioner,
  type MapContext,
  type CombineContext,
  type ReduceContext,
} from './define-job';
export type { Value, Json } from './values';
export type { Params } from './params';
export type { Counter } from './counters';
export { compareKeys } from './keys';

// ---- Testing a job ----
export { runLocal, type LocalInput, type LocalFile, type LocalOptions, type LocalResult } from './run-local';
export { formatRecord, formatRecords, parseTextOutput } from './output-format';

// ---- Errors (recognise them by `name`: a job bundle has its own copy of these classes) ----
export { InvalidJobError, InvalidParamError, InvalidRecordError } from './errors';

// ---- Engine-facing: what the master, workers and CLI use to run jobs ----
export { validateJob, INPUT_MODES, type AnyJob } from './define-job';
export { resolveParams } from './params';
export { hashKey, defaultPartition } from './keys';
export { encode, decode, decodeRange, encodeRecords, decodeRecords, RecordEncoder, RecordDecoder, stringBodyAt, copyBytes } from './serde';
export { LineSplitter, splitLines, linesOfSplit, linesOfSplitInBatches } from './lines';
export { Counters, BUILTIN_COUNTERS, type BuiltinCounter } from './counters';
export { sortRecords, groupSorted } from './grouping';
export { runMapBatch, runCombine, runReduce, countReduce, partitionOf, type BatchResult } from './task-runner';
export { combinerPays, COMBINE_CHECK_RECORDS } from './combine-check';
export { DEFAULT_SPLIT_BYTES, LOCAL_INPUT_PATH } from './run-local';
export { assertValue, describeType } from './values';
