// The datanode's settings: what startDatanode and the CLI accept (durations may carry
// units) and the parsed form the rest of the datanode reads.
import { durationSchema, parseDuration, parseOptions } from '@tsmr/common';
import { z } from 'zod';

export interface DatanodeOptions {
  /** Data dir (datanode-id, current/, tmp/); created if missing. */
  dir: string;
  /** host:port of the namenode. */
  namenode: string;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Port of the block stream (block writes and reads over TCP); default 0: the OS picks a free one. */
  streamPort?: number;
  /** Cluster secret; when set every RPC must carry it, and this node sends it. */
  secret?: string;
  /** How often the block scanner re-verifies every replica. Default '6h'. */
  scanInterval?: string | number;
}

export interface DatanodeConfig {
  dir: string;
  namenode: string;
  host: string;
  port: number;
  streamPort: number;
  secret: string | undefined;
  scanIntervalMs: number;
}

export const datanodeOptionsSchema: z.ZodType<DatanodeConfig, DatanodeOptions> = z
  .object({
    dir: z.string().min(1, 'dir is required'),
    namenode: z.string().regex(/^\S+:\d+$/, 'namenode must be host:port'),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    streamPort: z.number().int().min(0).max(65535).default(0),
    secret: z.string().optional(),
    scanInterval: durationSchema.refine((n) => n > 0, 'scanInterval must be positive').default(parseDuration('6h')),
  })
  .transform((o) => ({
    dir: o.dir,
    namenode: o.namenode,
    host: o.host,
    port: o.port,
    streamPort: o.streamPort,
    secret: o.secret || undefined,
    scanIntervalMs: o.scanInterval,
  }));

/** The parsed config, or INVALID_ARGUMENT naming each bad option. */
export function parseDatanodeOptions(options: DatanodeOptions): DatanodeConfig {
  return parseOptions(datanodeOptionsSchema, options, 'datanode');
}
