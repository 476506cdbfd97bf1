// The namenode's settings: what startNamenode and the CLI accept (sizes and durations may
// carry units) and the parsed form the rest of the namenode reads.
import { durationSchema, parseDuration, parseSize, sizeSchema, parseOptions } from '@tsmr/common';
import { z } from 'zod';

export interface NamenodeOptions {
  /** Namespace dir (holds namespace.db); created if missing. */
  dir: string;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Cluster secret; when set every RPC must carry it. */
  secret?: string;
  /** Default 3. */
  defaultReplication?: number;
  /** Default '64MB'. */
  defaultBlockSize?: string | number;
  /** Default '64KB'. */
  bytesPerChecksum?: string | number;
  /** Default '3s'. */
  heartbeatInterval?: string | number;
  /** Default '30s'. */
  deadNodeTimeout?: string | number;
  /** Default '6h'; told to datanodes when they register. */
  blockReportInterval?: string | number;
  /** Default '60s'. */
  leaseTimeout?: string | number;
  /** Fraction of the blocks of complete files that must be reported to leave safe mode. Default 0.999. */
  safeModeThreshold?: number;
}

export interface NamenodeConfig {
  dir: string;
  host: string;
  port: number;
  secret: string | undefined;
  defaultReplication: number;
  defaultBlockSize: number;
  bytesPerChecksum: number;
  heartbeatIntervalMs: number;
  deadNodeTimeoutMs: number;
  blockReportIntervalMs: number;
  leaseTimeoutMs: number;
  safeModeThreshold: number;
}

const positive = (what: string) => (n: number) => n > 0 || `${what} must be positive`;

export const namenodeOptionsSchema: z.ZodType<NamenodeConfig, NamenodeOptions> = z
  .object({
    dir: z.string().min(1, 'dir is required'),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    secret: z.string().optional(),
    defaultReplication: z.number().int().min(1).max(512).default(3),
    defaultBlockSize: sizeSchema.refine(positive('defaultBlockSize')).default(parseSize('64MB')),
    // int32 on the wire (RegisterResponse.bytes_per_checksum).
    bytesPerChecksum: sizeSchema.refine(positive('bytesPerChecksum')).refine((n) => n < 2 ** 31, 'bytesPerChecksum must be below 2GB').default(parseSize('64KB')),
    heartbeatInterval: durationSchema.refine(positive('heartbeatInterval')).default(parseDuration('3s')),
    deadNodeTimeout: durationSchema.refine(positive('deadNodeTimeout')).default(parseDuration('30s')),
    blockReportInterval: durationSchema.refine(positive('blockReportInterval')).default(parseDuration('6h')),
    leaseTimeout: durationSchema.refine(positive('leaseTimeout')).default(parseDuration('60s')),
    safeModeThreshold: z.number().min(0).max(1).default(0.999),
  })
  .refine((o) => o.defaultBlockSize % o.bytesPerChecksum === 0, {
    message: 'defaultBlockSize must be a multiple of bytesPerChecksum',
    path: ['defaultBlockSize'],
  })
  .transform((o) => ({
    dir: o.dir,
    host: o.host,
    port: o.port,
    secret: o.secret || undefined,
    defaultReplication: o.defaultReplication,
    defaultBlockSize: o.defaultBlockSize,
    bytesPerChecksum: o.bytesPerChecksum,
    heartbeatIntervalMs: o.heartbeatInterval,
    deadNodeTimeoutMs: o.deadNodeTimeout,
    blockReportIntervalMs: o.blockReportInterval,
    leaseTimeoutMs: o.leaseTimeout,
    safeModeThreshold: o.safeModeThreshold,
  }));

/** The parsed config, or INVALID_ARGUMENT naming each bad option. */
export function parseNamenodeOptions(options: NamenodeOptions): NamenodeConfig {
  return parseOptions(namenodeOptionsSchema, options, 'namenode');
}
