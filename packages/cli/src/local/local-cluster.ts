// `tsmr local`: a namenode and N datanodes as background processes on this machine,
// described by DIR/cluster.json. Starting an existing cluster restarts only the daemons
// that are not running, on their recorded ports, so a killed daemon can be brought back.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AlreadyExistsError, UnavailableError, sleep, type ClusterReport__Output } from '@tsmr/common';
import { DfsClient } from '@tsmr/dfs';
import { clusterFilePath, readClusterFile, writeClusterFile, type ClusterFile, type DaemonRecord } from '../cluster-file';
import { isTsmrProcess, spawnDaemon, stopProcesses } from './processes';

export interface LocalStartOptions {
  dir: string;
  nodes: number;
  replication?: number;
  blockSize: number;
  heartbeatInterval: string;
  deadNodeTimeout: string;
  /** Generate a cluster secret (kept in cluster.json, mode 0600). */
  secret: boolean;
}

export async function startLocalCluster(options: LocalStartOptions): Promise<ClusterFile> {
  const dir = path.resolve(options.dir);
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const existing = fs.existsSync(clusterFilePath(dir)) ? readClusterFile(clusterFilePath(dir)) : undefined;
  if (existing && [existing.namenode, ...existing.datanodes].every((d) => isTsmrProcess(d.pid))) {
    throw new AlreadyExistsError(`a cluster is already running in ${dir} (stop it with 'tsmr local stop --dir ${options.dir}')`);
  }
  const settings = existing?.settings ?? {
    nodes: options.nodes,
    replication: options.replication ?? Math.min(3, options.nodes),
    blockSize: options.blockSize,
    heartbeatInterval: options.heartbeatInterval,
    deadNodeTimeout: options.deadNodeTimeout,
  };
  const secret = existing ? existing.secret : options.secret ? randomBytes(24).toString('base64url') : undefined;
  const env = { ...process.env, TSMR_SECRET: secret ?? '' };

  const namenodeDir = path.join(dir, 'namenode');
  let namenode = existing?.namenode;
  if (!namenode || !isTsmrProcess(namenode.pid)) {
    const started = await spawnDaemon(
      [
        'namenode', '--dir', namenodeDir, '--port', String(namenode?.port ?? 0),
        '--replication', String(settings.replication), '--block-size', String(settings.blockSize),
        '--heartbeat-interval', settings.heartbeatInterval, '--dead-node-timeout', settings.deadNodeTimeout,
      ],
      path.join(namenodeDir, 'address'),
      path.join(dir, 'logs', 'namenode.log'),
      env,
    );
    namenode = { ...started, dir: namenodeDir, port: portOf(started.address) };
  }

  const datanodes: DaemonRecord[] = [];
  for (let i = 0; i < settings.nodes; i++) {
    const previous = existing?.datanodes[i];
    if (previous && isTsmrProcess(previous.pid)) {
      datanodes.push(previous);
      continue;
    }
    const dnDir = path.join(dir, `datanode-${i + 1}`);
    const started = await spawnDaemon(
      ['datanode', '--dir', dnDir, '--namenode', namenode.address, '--port', String(previous?.port ?? 0)],
      path.join(dnDir, 'address'),
      path.join(dir, 'logs', `datanode-${i + 1}.log`),
      env,
    );
    datanodes.push({ ...started, dir: dnDir, port: portOf(started.address) });
  }

  const cluster: ClusterFile = { version: 1, namenode, datanodes, settings, secret };
  writeClusterFile(dir, cluster);
  await waitUntilReady(cluster);
  return cluster;
}

/** Waits until every datanode is live at the namenode and safe mode is over. */
async function waitUntilReady(cluster: ClusterFile, timeoutMs = 30_000): Promise<void> {
  const client = new DfsClient({ namenode: cluster.namenode.address, secret: cluster.secret, retryForMs: timeoutMs });
  try {
    const giveUpAt = Date.now() + timeoutMs;
    let report: ClusterReport__Output | undefined;
    while (Date.now() < giveUpAt) {
      report = await client.clusterReport();
      const live = report.datanodes.filter((d) => d.live).length;
      if (live >= cluster.datanodes.length && !report.safeMode) return;
      await sleep(100);
    }
    const live = report?.datanodes.filter((d) => d.live).length ?? 0;
    throw new UnavailableError(
      `cluster not ready after ${timeoutMs / 1000} s: ${live} of ${cluster.datanodes.length} datanodes live` +
        (report?.safeMode ? `, namenode in safe mode (${report.safeModeReason})` : ''),
    );
  } finally {
    client.close();
  }
}

export async function stopLocalCluster(dir: string): Promise<ClusterFile> {
  const cluster = readClusterFile(clusterFilePath(dir));
  await stopProcesses(cluster.datanodes.map((d) => d.pid));
  await stopProcesses([cluster.namenode.pid]);
  return cluster;
}

export interface DaemonStatus {
  name: string;
  pid: number;
  address: string;
  running: boolean;
}

export function daemonStatuses(cluster: ClusterFile): DaemonStatus[] {
  return [
    { name: 'namenode', ...cluster.namenode },
    ...cluster.datanodes.map((d, i) => ({ name: `datanode-${i + 1}`, ...d })),
  ].map(({ name, pid, address }) => ({ name, pid, address, running: isTsmrProcess(pid) }));
}

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}
