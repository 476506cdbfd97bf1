// The worker's settings: what startWorker and the CLI accept (sizes may carry units) and
// the parsed form the rest of the worker reads.
import os from 'node:os';
import { durationSchema, parseDuration, parseSize, sizeSchema, parseOptions } from '@tsmr/common';
import { z } from 'zod';

export interface WorkerOptions {
  /** Work dir (job bundles, spills, map outputs); created if missing. */
  dir: string;
  /** host:port of the master. */
  master: string;
  /** host:port of the namenode. */
  namenode: string;
  /** Where the shuffle stream listens. Default '127.0.0.1'. */
  host?: string;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Cluster secret: sent on every call, and required by this worker's shuffle stream. */
  secret?: string;
  /** Tasks run at once (threads). Default os.availableParallelism(). */
  slots?: number;
  /** The datanode beside this worker, if any: split reads prefer it, the master schedules by it. */
  datanodeId?: string;
  /** Map output held in memory before a spill to disk. Default '64MB'. */
  sortBuffer?: string | number;
  /** Fetched map output a reduce attempt holds in memory; the rest goes to local disk. Default '256MB'. */
  shuffleBuffer?: string | number;
  /** Sorted runs a merge reads at once (Hadoop's io.sort.factor). Default 64. */
  mergeFactor?: number;
  /** An attempt whose task thread makes no progress this long is ended and FAILED. Default '10m'; 0: never. */
  taskTimeout?: string | number;
  /** Heap limit of each task thread; a thread passing it is ended and its attempt FAILED. Default '1024MB'. */
  taskMemory?: string | number;
  /** Testing aid: makes this worker artificially slow by sleeping this long before each attempt. Default 0. */
  taskDelay?: string | number;
}

export interface WorkerConfig {
  dir: string;
  master: string;
  namenode: string;
  host: string;
  port: number;
  secret: string | undefined;
  slots: number;
  datanodeId: string | undefined;
  sortBufferBytes: number;
  shuffleBufferBytes: number;
  mergeFactor: number;
  taskTimeoutMs: number;
  taskMemoryBytes: number;
  taskDelayMs: number;
}

const hostPort = (what: string) => z.string().regex(/^\S+:\d+$/, `${what} must be host:port`);

export const workerOptionsSchema: z.ZodType<WorkerConfig, WorkerOptions> = z
  .object({
    dir: z.string().min(1, 'dir is required'),
    master: hostPort('master'),
    namenode: hostPort('namenode'),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    secret: z.string().optional(),
    slots: z.number().int().min(1).max(1024).optional(),
    datanodeId: z.string().optional(),
    sortBuffer: sizeSchema.refine((n) => n > 0, 'sortBuffer must be positive').default(parseSize('64MB')),
    shuffleBuffer: sizeSchema.refine((n) => n > 0, 'shuffleBuffer must be positive').default(parseSize('256MB')),
    mergeFactor: z.number().int().min(2, 'mergeFactor must be at least 2').default(64),
    taskTimeout: durationSchema.default(parseDuration('10m')),
    taskMemory: sizeSchema.refine((n) => n >= 2 ** 20, 'taskMemory must be at least 1MB').default(parseSize('1024MB')),
    taskDelay: durationSchema.default(0),
  })
  .transform((o) => ({
    dir: o.dir,
    master: o.master,
    namenode: o.namenode,
    host: o.host,
    port: o.port,
    secret: o.secret || undefined,
    slots: o.slots ?? os.availableParallelism(),
    datanodeId: o.datanodeId || undefined,
    sortBufferBytes: o.sortBuffer,
    shuffleBufferBytes: o.shuffleBuffer,
    mergeFactor: o.mergeFactor,
    taskTimeoutMs: o.taskTimeout,
    taskMemoryBytes: o.taskMemory,
    taskDelayMs: o.taskDelay,
  }));

/** The parsed config, or INVALID_ARGUMENT naming each bad option. */
export function parseWorkerOptions(options: WorkerOptions): WorkerConfig {
  return parseOptions(workerOptionsSchema, options, 'worker');
}
