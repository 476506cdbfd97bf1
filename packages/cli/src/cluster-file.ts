// cluster.json: what `tsmr local start` writes and every client command reads to find
// the cluster (addresses, pids, the secret). Also how a client command picks its cluster.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InvalidArgumentError, NotFoundError } from '@tsmr/common';

const daemonSchema = z.object({
  address: z.string(),
  pid: z.number().int(),
  dir: z.string(),
  port: z.number().int(),
});

export const clusterFileSchema = z.object({
  version: z.literal(1),
  namenode: daemonSchema,
  datanodes: z.array(daemonSchema),
  master: daemonSchema,
  /** workers[i] runs beside datanodes[i]. */
  workers: z.array(daemonSchema),
  /** Flags the daemons were started with, so `local start` restarts them the same way. */
  settings: z.object({
    nodes: z.number().int(),
    replication: z.number().int(),
    blockSize: z.number().int(),
    heartbeatInterval: z.string(),
    deadNodeTimeout: z.string(),
    workerTimeout: z.string(),
    taskHeartbeat: z.string(),
    slots: z.number().int(),
  }),
  secret: z.string().optional(),
});

export type ClusterFile = z.infer<typeof clusterFileSchema>;
export type DaemonRecord = ClusterFile['namenode'];

export const DEFAULT_CLUSTER_DIR = '.tsmr';
export const CLUSTER_FILE = 'cluster.json';

/** The cluster directory when none is given: $TSMR_CLUSTER, else ./.tsmr. */
export function defaultClusterDir(): string {
  return process.env.TSMR_CLUSTER || DEFAULT_CLUSTER_DIR;
}

export function clusterFilePath(dir: string): string {
  return path.join(dir, CLUSTER_FILE);
}

export function readClusterFile(file: string): ClusterFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new NotFoundError(`no cluster file at ${file} (start one with 'tsmr local start')`);
  }
  const parsed = clusterFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new InvalidArgumentError(`${file} is not a tsmr cluster file: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Written to a temp file and renamed, readable by its owner only (it holds the secret). */
export function writeClusterFile(dir: string, cluster: ClusterFile): void {
  const file = clusterFilePath(dir);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(cluster, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/** A daemon a client command talks to, and the secret to send it. */
export interface Target {
  address: string;
  secret?: string;
}

/**
 * Which daemon a client command talks to: the address flag (`--namenode`, `--master`) if
 * given, else the cluster file from `--cluster DIR`, else `$TSMR_CLUSTER`, else
 * `./.tsmr/cluster.json`. TSMR_SECRET, when set, overrides the cluster file's secret.
 */
export function resolveTarget(daemon: 'namenode' | 'master', flags: { cluster?: string; namenode?: string; master?: string }): Target {
  const envSecret = process.env.TSMR_SECRET || undefined;
  const flag = flags[daemon];
  if (flag) return { address: flag, secret: envSecret };
  const where = flags.cluster || defaultClusterDir();
  const cluster = readClusterFile(where.endsWith('.json') ? where : clusterFilePath(where));
  return { address: cluster[daemon].address, secret: envSecret ?? cluster.secret };
}
