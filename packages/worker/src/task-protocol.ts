// What the worker's main thread asks of a task thread, and what comes back. Plain data
// only (structured clone); input Buffers are never copied: a text split is shared
// (SplitBuffers), a whole file and a reduce's fetched segments travel in the transfer list.
import type { InputMode } from '@tsmr/sdk';

interface ThreadTask {
  /** The job bundle (a CommonJS module whose default export is the job). */
  bundle: string;
  /** The attempt's TaskStatus (shared memory): what the thread reports as it runs. */
  status: Int32Array;
}

interface JobTask extends ThreadTask {
  /** The job's --param overrides, resolved against its defaults in the thread. */
  params: Record<string, string>;
  /** Scratch dir of the attempt (created by the thread). */
  scratch: string;
}

/** Loads the job and tells what the main thread must know to feed it. */
export interface DescribeTask extends ThreadTask {
  kind: 'describe';
}

export interface JobDescription {
  input: InputMode;
}

/** A map attempt over one split's bytes. */
export interface MapTaskRequest extends JobTask {
  kind: 'map';
  /** The file the split belongs to (ctx.inputPath). */
  inputPath: string;
  /** The split's bytes, as SplitReader read them (a byte before it, the end of its last line). */
  input: Uint8Array;
  /** The split's own range [start, end) within `input`. */
  start: number;
  end: number;
  /** whole-file input: `input` is a whole file and its text is one record. */
  wholeFile: boolean;
  /** 0: map-only, formatted text to `scratch/part`. */
  reducers: number;
  sortBufferBytes: number;
  /** Skip mode: indexes within the split of records map must not see. */
  skipRecords: number[];
}

/** One map's segment of a reduce's partition: fetched into memory, or onto local disk. */
export type ShuffledSegment = { bytes: Uint8Array; length: number } | { file: string; length: number };

/** A reduce attempt over its partition of every map's output, in map order. */
export interface ReduceTaskRequest extends JobTask {
  kind: 'reduce';
  segments: ShuffledSegment[];
  /** Sorted runs merged at once (on-disk ones beyond it are merged in passes first). */
  mergeFactor: number;
}

export type TaskRequest = DescribeTask | MapTaskRequest | ReduceTaskRequest;

export interface TaskResult {
  counters: Record<string, number>;
  /** Maps with reducers: bytes of each partition of `scratch/output/file.out`. */
  partitionBytes?: number[];
}

/** A request's bytes as a Buffer (they arrive in the thread as a plain Uint8Array), without a copy. */
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where a task thread leaves its results inside the attempt's scratch dir. */
export const SCRATCH = {
  /** Map output (file.out + index.json), renamed whole into map-output/ on success. */
  mapOutputDir: 'output',
  /** Text output (part-m / part-r), copied into the DFS on success. */
  textOutput: 'part',
} as const;
