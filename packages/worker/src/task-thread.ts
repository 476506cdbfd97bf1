// A task thread (piscina runs this file, compiled, in each of its threads). User code runs
// only here: the job bundle is required once per job per thread, and map, combine and
// reduce are called through the SDK's runMapBatch/runCombine/runReduce over whole batches,
// exactly as runLocal calls them, on the job as instrumentJob wraps it (progress, user-code
// marks, skip mode). A throw from user code rejects the task with that error. (A job
// without reduce gets the identity reduce on its encoded records, which calls no user code.)
import fs from 'node:fs';
import path from 'node:path';
import {
  Counters,
  countReduce,
  linesOfSplitInBatches,
  resolveParams,
  runMapBatch,
  runReduce,
  stringBodyAt,
  validateJob,
  type AnyJob,
  type Params,
} from '@tsmr/sdk';
import { asUserCode, instrumentJob } from './instrumented-job';
import { MapOutputBuffer } from './map-output';
import { forEachMerged, mergeGroups, type Group } from './merge';
import { openReduceRuns } from './reduce-input';
import type { RunReader } from './run-reader';
import {
  SCRATCH,
  asBuffer,
  type DescribeTask,
  type JobDescription,
  type MapTaskRequest,
  type ReduceTaskRequest,
  type TaskRequest,
  type TaskResult,
} from './task-protocol';
import { TaskStatus } from './task-status';
import { TextOutput } from './text-output';

// Job bundles carry an inline source map: user stacks then name the job's own .ts lines.
process.setSourceMapsEnabled(true);

/**
 * Bytes of split per map batch (≈ 350 log lines). A batch's text is one string, and below
 * 128 KiB it is an ordinary young object. A string of 128 KiB to 1 MiB goes to V8's large
 * object space, and decoding one was 60× slower here (0.8 ms for 128 KiB); from 1 MiB on
 * Node makes it an external string, which counts as external memory, so a map's 64 of
 * them brought about one full GC each. A unique-users map, in process: 165 ms of CPU with
 * 64 KiB batches, 191 ms with 1 MiB, 345-483 ms with 128-512 KiB.
 */
const MAP_BATCH_BYTES = 64 * 1024;
/** Values per reduce batch. */
const REDUCE_BATCH_RECORDS = 10_000;

const jobs = new Map<string, AnyJob>();

/** The job's module, loaded once per thread: its top level is user code too. */
function loadJob(bundle: string, status: TaskStatus): AnyJob {
  let job = jobs.get(bundle);
  if (job === undefined) {
    job = asUserCode(status, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = (require(bundle) as { default?: unknown }).default;
      validateJob(loaded);
      return loaded;
    });
    jobs.set(bundle, job);
  }
  return job;
}

function paramsOf(job: AnyJob, overrides: Record<string, string>, status: TaskStatus): Params {
  return asUserCode(status, () => resolveParams(job.params ?? {}, overrides));
}

export default function runTask(task: TaskRequest): TaskResult | JobDescription {
  switch (task.kind) {
    case 'describe':
      return describe(task);
    case 'map':
      return runMapTask(task);
    case 'reduce':
      return runReduceTask(task);
  }
}

function describe(task: DescribeTask): JobDescription {
  return { input: loadJob(task.bundle, new TaskStatus(task.status)).input ?? 'lines' };
}

/** The split's records in batches (see linesOfSplitInBatches). */
function* mapBatches(task: MapTaskRequest): Generator<string[]> {
  const input = asBuffer(task.input);
  if (task.wholeFile) {
    yield [input.toString('utf8')];
    return;
  }
  yield* linesOfSplitInBatches(input, task.start, task.end, MAP_BATCH_BYTES);
}

function runMapTask(task: MapTaskRequest): TaskResult {
  const status = new TaskStatus(task.status);
  const loaded = loadJob(task.bundle, status);
  const params = paramsOf(loaded, task.params, status);
  const { job, skippedRecords } = instrumentJob(loaded, status, new Set(task.skipRecords));
  const counters = new Counters();
  fs.mkdirSync(task.scratch, { recursive: true });
  const map = (records: string[]) => {
    const result = runMapBatch(job, params, records, task.inputPath);
    counters.merge(result.counters);
    return result.records;
  };
  const finalCounters = () => {
    if (task.skipRecords.length > 0) counters.add('SKIPPED_RECORDS', skippedRecords());
    return counters.toJSON();
  };
  if (task.reducers === 0) {
    // Map-only: the output is the map's records as text, in emit order.
    const out = new TextOutput(path.join(task.scratch, SCRATCH.textOutput));
    for (const batch of mapBatches(task)) out.write(map(batch));
    out.close();
    return { counters: finalCounters() };
  }
  const buffer = new MapOutputBuffer({
    job,
    params,
    reducers: task.reducers,
    sortBufferBytes: task.sortBufferBytes,
    spillDir: task.scratch,
    outputDir: path.join(task.scratch, SCRATCH.mapOutputDir),
    counters,
    progressed: () => status.progressed(),
  });
  for (const batch of mapBatches(task)) buffer.collect(map(batch));
  const partitionBytes = buffer.finish();
  return { counters: finalCounters(), partitionBytes };
}

function runReduceTask(task: ReduceTaskRequest): TaskResult {
  const status = new TaskStatus(task.status);
  const loaded = loadJob(task.bundle, status);
  const params = paramsOf(loaded, task.params, status);
  const { job } = instrumentJob(loaded, status);
  const counters = new Counters();
  fs.mkdirSync(task.scratch, { recursive: true });
  const { runs, spilledRecords } = openReduceRuns(task.segments, task.scratch, task.mergeFactor, () => status.progressed());
  counters.add('SPILLED_RECORDS', spilledRecords);
  const out = new TextOutput(path.join(task.scratch, SCRATCH.textOutput));
  try {
    if (job.reduce === undefined) writeIdentity(runs, out, counters, status);
    else reduceGroups(job, params, runs, out, counters);
  } finally {
    for (const run of runs) run.close();
    out.close();
  }
  return { counters: counters.toJSON() };
}

/** Runs reduce over the merged groups, a batch at a time. */
function reduceGroups(job: AnyJob, params: Params, runs: RunReader[], out: TextOutput, counters: Counters): void {
  let batch: Group[] = [];
  let batchRecords = 0;
  const reduce = () => {
    const result = runReduce(job, params, batch);
    counters.merge(result.counters);
    out.write(result.records);
    batch = [];
    batchRecords = 0;
  };
  for (const group of mergeGroups(runs)) {
    batch.push(group);
    batchRecords += group[1].length;
    if (batchRecords >= REDUCE_BATCH_RECORDS) reduce();
  }
  reduce();
}

/**
 * A job without reduce outputs every record as it is (the identity reduce, as runReduce
 * does it), here without decoding: a string key and value are copied as their bytes.
 */
function writeIdentity(runs: RunReader[], out: TextOutput, counters: Counters, status: TaskStatus): void {
  let groups = 0;
  let records = 0;
  forEachMerged(runs, (run, first) => {
    if (first) groups++;
    if (++records % REDUCE_BATCH_RECORDS === 0) status.progressed(); // no user code runs here
    const value = stringBodyAt(run.window, run.valueStart);
    if (run.stringKey >= 0 && value >= 0) out.writeStrings(run.window, run.stringKey, run.valueStart, value, run.end);
    else out.write([[run.key(), run.value()]]);
  });
  countReduce(counters, groups, records, records);
}
