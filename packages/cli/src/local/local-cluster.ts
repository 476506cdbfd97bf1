// `tsmr local`: a namenode, N datanodes, a master and N workers (worker i beside datanode
// i) as background processes on this machine, described by DIR/cluster.json. Starting an
// existing cluster restarts only the daemons that are not running, on their recorded
// ports, so a killed daemon can be brought back.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlreadyExistsError, UnavailableError, sleep, splitAddress, type ClusterReport__Output } from '@tsmr/common';
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
  workerTimeout: string;
  /** How often workers heartbeat the master (separate from the datanodes' interval). */
  taskHeartbeat: string;
  /** Task slots per worker (default: the cores shared out over the nodes). */
  slots?: number;
  /** Generate a cluster secret (kept in cluster.json, mode 0600). */
  secret: boolean;
}

type Settings = ClusterFile['settings'];

export async function startLocalCluster(options: LocalStartOptions): Promise<ClusterFile> {
  const dir = path.resolve(options.dir);
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  const existing = fs.existsSync(clusterFilePath(dir)) ? readClusterFile(clusterFilePath(dir)) : undefined;
  if (existing && allDaemons(existing).every((d) => isTsmrProcess(d.pid))) {
    throw new AlreadyExistsError(`a cluster is already running in ${dir} (stop it with 'tsmr local stop --dir ${options.dir}')`);
  }
  const settings: Settings = existing?.settings ?? {
    nodes: options.nodes,
    replication: options.replication ?? Math.min(3, options.nodes),
    blockSize: options.blockSize,
    heartbeatInterval: options.heartbeatInterval,
    deadNodeTimeout: options.deadNodeTimeout,
    workerTimeout: options.workerTimeout,
    taskHeartbeat: options.taskHeartbeat,
    slots: options.slots ?? Math.max(1, Math.ceil(os.availableParallelism() / options.nodes)),
  };
  const secret = existing ? existing.secret : options.secret ? randomBytes(24).toString('base64url') : undefined;
  const env = { ...process.env, TSMR_SECRET: secret ?? '' };

  /** Daemons this call started: stopped again if the start fails (a half-started cluster serves no one). */
  const launched: number[] = [];
  /** The recorded daemon if it still runs, else a fresh one on its recorded port. */
  const ensure = async (name: string, previous: DaemonRecord | undefined, args: string[]): Promise<DaemonRecord> => {
    if (previous && isTsmrProcess(previous.pid)) return previous;
    const daemonDir = path.join(dir, name);
    const started = await spawnDaemon(
      [...args, '--dir', daemonDir, '--port', String(previous?.port ?? 0)],
      path.join(daemonDir, 'address'),
      path.join(dir, 'logs', `${name}.log`),
      env,
    );
    launched.push(started.pid);
    return { ...started, dir: daemonDir, port: splitAddress(started.address).port };
  };

  try {
    const cluster = await startDaemons(ensure, settings, secret, existing);
    writeClusterFile(dir, cluster);
    await waitUntilReady(cluster);
    return cluster;
  } catch (err) {
    await stopProcesses(launched);
    throw err;
  }
}

type Ensure = (name: string, previous: DaemonRecord | undefined, args: string[]) => Promise<DaemonRecord>;

/** The namenode, the datanodes, the master, then the workers (each beside its datanode). */
async function startDaemons(ensure: Ensure, settings: Settings, secret: string | undefined, existing: ClusterFile | undefined): Promise<ClusterFile> {
  const namenode = await ensure('namenode', existing?.namenode, [
    'namenode', '--replication', String(settings.replication), '--block-size', String(settings.blockSize),
    '--heartbeat-interval', settings.heartbeatInterval, '--dead-node-timeout', settings.deadNodeTimeout,
  ]);
  const datanodes: DaemonRecord[] = [];
  for (let i = 0; i < settings.nodes; i++) {
    datanodes.push(await ensure(`datanode-${i + 1}`, existing?.datanodes[i], ['datanode', '--namenode', namenode.address]));
  }
  const master = await ensure('master', existing?.master, [
    'master', '--namenode', namenode.address, '--heartbeat-interval', settings.taskHeartbeat,
    '--worker-timeout', settings.workerTimeout,
  ]);
  const workers: DaemonRecord[] = [];
  for (let i = 0; i < settings.nodes; i++) {
    const datanodeId = fs.readFileSync(path.join(datanodes[i]!.dir, 'datanode-id'), 'utf8').trim();
    workers.push(
      await ensure(`worker-${i + 1}`, existing?.workers[i], [
        'worker', '--master', master.address, '--namenode', namenode.address,
        '--datanode-id', datanodeId, '--slots', String(settings.slots),
      ]),
    );
  }

  return { version: 1, namenode, datanodes, master, workers, settings, secret };
}

function allDaemons(cluster: ClusterFile): DaemonRecord[] {
  return [cluster.namenode, ...cluster.datanodes, cluster.master, ...cluster.workers];
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

/**
 * Stops workers and the master first (they use the DFS), then datanodes, then the
 * namenode. Returns the daemons that ignored SIGTERM and had to be killed.
 */
export async function stopLocalCluster(dir: string): Promise<{ cluster: ClusterFile; killed: DaemonStatus[] }> {
  const cluster = readClusterFile(clusterFilePath(dir));
  const stuck = [
    ...(await stopProcesses([...cluster.workers.map((d) => d.pid), cluster.master.pid])),
    ...(await stopProcesses(cluster.datanodes.map((d) => d.pid))),
    ...(await stopProcesses([cluster.namenode.pid])),
  ];
  return { cluster, killed: daemonStatuses(cluster).filter((d) => stuck.includes(d.pid)) };
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
    { name: 'master', ...cluster.master },
    ...cluster.workers.map((d, i) => ({ name: `worker-${i + 1}`, ...d })),
  ].map(({ name, pid, address }) => ({ name, pid, address, running: isTsmrProcess(pid) }));
}
