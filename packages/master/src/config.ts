// The master's settings: what startMaster and the CLI accept (durations may carry units)
// and the parsed form the rest of the master reads.
import { durationSchema, parseDuration, parseOptions } from '@tsmr/common';
import { z } from 'zod';
import type { SpeculationConfig } from './speculator';

export interface MasterOptions {
  /** State dir (holds master.db); created if missing. */
  dir: string;
  /** host:port of the namenode. */
  namenode: string;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Port of the heartbeat stream, which workers use after their first heartbeat. Default 0: the OS picks a free port. */
  heartbeatPort?: number;
  /** Cluster secret: required on every RPC the master serves, and sent on its DFS calls. */
  secret?: string;
  /** Default '1s'; told to workers in every heartbeat reply. */
  heartbeatInterval?: string | number;
  /** A worker silent this long is lost. Default '10s'. */
  workerTimeout?: string | number;
  /** How long a job waits for a node-local map slot before taking any. Default 3 × heartbeatInterval. */
  localityDelay?: string | number;
  /** Attempts per task that may fail before the job fails, unless the job says otherwise. Default 4. */
  maxAttempts?: number;
  /** Attempts of a job that may fail on one worker for reasons not in the job before the worker is blacklisted for the job. Default 3. */
  maxTaskFailuresPerWorker?: number;
  /** Speculative execution: a task is a straggler once it has run this many times the median run time of its phase's finished tasks. Default 1.5. */
  speculativeSlowness?: number;
  /** ... and at least this long. Default '1s'. */
  speculativeMinRuntime?: string | number;
}

export interface MasterConfig {
  dir: string;
  namenode: string;
  host: string;
  port: number;
  heartbeatPort: number;
  secret: string | undefined;
  heartbeatIntervalMs: number;
  workerTimeoutMs: number;
  localityDelayMs: number;
  maxAttempts: number;
  maxTaskFailuresPerWorker: number;
  speculation: SpeculationConfig;
}

const positive = (what: string) => (n: number) => n > 0 || `${what} must be positive`;

export const masterOptionsSchema: z.ZodType<MasterConfig, MasterOptions> = z
  .object({
    dir: z.string().min(1, 'dir is required'),
    namenode: z.string().regex(/^\S+:\d+$/, 'namenode must be host:port'),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    heartbeatPort: z.number().int().min(0).max(65535).default(0),
    secret: z.string().optional(),
    heartbeatInterval: durationSchema.refine(positive('heartbeatInterval')).default(parseDuration('1s')),
    workerTimeout: durationSchema.refine(positive('workerTimeout')).default(parseDuration('10s')),
    localityDelay: durationSchema.optional(),
    maxAttempts: z.number().int().min(1).max(100).default(4),
    maxTaskFailuresPerWorker: z.number().int().min(1).max(100).default(3),
    speculativeSlowness: z.number().min(1, 'speculativeSlowness must be ≥ 1').default(1.5),
    speculativeMinRuntime: durationSchema.default(parseDuration('1s')),
  })
  .transform((o) => ({
    dir: o.dir,
    namenode: o.namenode,
    host: o.host,
    port: o.port,
    heartbeatPort: o.heartbeatPort,
    secret: o.secret || undefined,
    heartbeatIntervalMs: o.heartbeatInterval,
    workerTimeoutMs: o.workerTimeout,
    localityDelayMs: o.localityDelay ?? 3 * o.heartbeatInterval,
    maxAttempts: o.maxAttempts,
    maxTaskFailuresPerWorker: o.maxTaskFailuresPerWorker,
    speculation: { slowness: o.speculativeSlowness, minRuntimeMs: o.speculativeMinRuntime },
  }));

/** The parsed config, or INVALID_ARGUMENT naming each bad option. */
export function parseMasterOptions(options: MasterOptions): MasterConfig {
  return parseOptions(masterOptionsSchema, options, 'master');
}
