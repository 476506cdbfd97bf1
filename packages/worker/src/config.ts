// The worker's settings: what startWorker and the CLI accept (sizes may carry units) and
// the parsed form the rest of the worker reads.
import os from 'node:os';
import { parseSize, sizeSchema, parseOptions } from '@tsmr/common';
import { z } from 'zod';

export interface WorkerOptions {
  /** Work dir (job bundles, spills, map outputs); created if missing. */
  dir: string;
  /** host:port of the master. */
  master: string;
  /** host:port of the namenode. */
  namenode: string;
  /** Where the Shuffle service listens. Default '127.0.0.1'. */
  host?: string;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Cluster secret: sent on every call, and required by this worker's Shuffle service. */
  secret?: string;
  /** Tasks run at once (threads). Default os.availableParallelism(). */
  slots?: number;
  /** The datanode beside this worker, if any: split reads prefer it, the master schedules by it. */
  datanodeId?: string;
  /** Map output held in memory before a spill to disk. Default '64MB'. */
  sortBuffer?: string | number;
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
  }));

/** The parsed config, or INVALID_ARGUMENT naming each bad option. */
export function parseWorkerOptions(options: WorkerOptions): WorkerConfig {
  return parseOptions(workerOptionsSchema, options, 'worker');
}
