// A real local cluster for tests: `tsmr local start` in a temp dir, daemons as separate
// processes, and helpers to run CLI commands, kill daemons and clean everything up.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { masterProto, unaryClient, type JobClientDefinition, type UnaryApi } from '../../packages/common/src';
import { DfsClient } from '../../packages/dfs/src';
import { readClusterFile, type ClusterFile } from '../../packages/cli/src/cluster-file';

export const CLI = path.resolve(__dirname, '../../packages/cli/dist/main.js');

export interface CliResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  input?: Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Starts the built `tsmr` CLI as a child process; `done` settles when it exits. */
export function spawnCli(args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let err = '';
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out), stderr: err }));
  });
  child.stdin!.end(options.input);
  return { child, done };
}

/** Runs the built `tsmr` CLI as a child process. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return spawnCli(args, options).done;
}

export interface TestClusterOptions {
  nodes?: number;
  blockSize?: string;
  replication?: number;
  heartbeatInterval?: string;
  deadNodeTimeout?: string;
  workerTimeout?: string;
  slots?: number;
  secret?: boolean;
}

export class TestCluster {
  private readonly clients: DfsClient[] = [];
  private readonly closers: Array<() => void> = [];
  private readonly pids = new Set<number>();

  private constructor(readonly dir: string) {}

  static async start(options: TestClusterOptions = {}): Promise<TestCluster> {
    const cluster = new TestCluster(fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-test-')));
    try {
      await cluster.localStart(options);
    } catch (err) {
      // A start that failed half-way wrote no cluster.json: end what it started, then report.
      await cluster.stop().catch(() => undefined);
      throw err;
    }
    return cluster;
  }

  /** `tsmr local start` on this cluster's dir: starts (or restarts) whatever is not running. */
  async localStart(options: TestClusterOptions = {}): Promise<void> {
    const args = ['local', 'start', '--dir', this.dir, '--nodes', String(options.nodes ?? 3)];
    args.push('--block-size', options.blockSize ?? '1MB');
    args.push('--heartbeat-interval', options.heartbeatInterval ?? '200ms');
    args.push('--dead-node-timeout', options.deadNodeTimeout ?? '2s');
    args.push('--worker-timeout', options.workerTimeout ?? '3s');
    args.push('--task-heartbeat', '200ms');
    if (options.replication) args.push('--replication', String(options.replication));
    if (options.slots) args.push('--slots', String(options.slots));
    if (options.secret === false) args.push('--no-secret');
    const result = await runCli(args);
    // Track pids even when start failed half-way, so stop() ends them.
    if (fs.existsSync(path.join(this.dir, 'cluster.json'))) this.trackPids();
    if (result.code !== 0) throw new Error(`tsmr local start failed (${result.code}): ${result.stderr}`);
  }

  get info(): ClusterFile {
    return readClusterFile(path.join(this.dir, 'cluster.json'));
  }

  /** Runs a CLI command against this cluster (found through TSMR_CLUSTER). */
  tsmr(args: string[], options: RunOptions = {}): Promise<CliResult> {
    return this.spawnTsmr(args, options).done;
  }

  spawnTsmr(args: string[], options: RunOptions = {}): ReturnType<typeof spawnCli> {
    return spawnCli(args, { ...options, env: { TSMR_CLUSTER: this.dir, ...options.env } });
  }

  /** An in-process client of this cluster, closed by stop(). */
  client(options: { retryForMs?: number } = {}): DfsClient {
    const info = this.info;
    const client = new DfsClient({ namenode: info.namenode.address, secret: info.secret, retryForMs: options.retryForMs ?? 20_000 });
    this.clients.push(client);
    return client;
  }

  /** The master's JobClient API in-process: polls far faster than `tsmr job status`. */
  jobApi(): UnaryApi<JobClientDefinition> {
    const info = this.info;
    const client = unaryClient(masterProto().JobClient, info.master.address, { secret: info.secret, retryForMs: 30_000 });
    this.closers.push(() => client.close());
    return client.api;
  }

  killDatanode(index: number, signal: NodeJS.Signals = 'SIGKILL'): void {
    const pid = this.info.datanodes[index]?.pid;
    if (pid === undefined) throw new Error(`no datanode ${index}`);
    process.kill(pid, signal);
  }

  killWorker(index: number, signal: NodeJS.Signals = 'SIGKILL'): void {
    const pid = this.info.workers[index]?.pid;
    if (pid === undefined) throw new Error(`no worker ${index}`);
    process.kill(pid, signal);
  }

  /**
   * Stops worker `index` and starts it again by hand, with extra flags (e.g. a task delay).
   * It is not in cluster.json: `localStart` would not restart it, stop() ends it.
   */
  async replaceWorker(index: number, extraArgs: string[]): Promise<void> {
    const info = this.info;
    const worker = info.workers[index]!;
    process.kill(worker.pid, 'SIGTERM');
    await waitFor('the old worker to exit', async () => {
      try {
        process.kill(worker.pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 10_000, 50);
    const datanodeId = fs.readFileSync(path.join(info.datanodes[index]!.dir, 'datanode-id'), 'utf8').trim();
    const { child } = spawnCli(
      ['worker', '--dir', worker.dir, '--master', info.master.address, '--namenode', info.namenode.address,
        '--datanode-id', datanodeId, '--slots', String(info.settings.slots), '--port', String(worker.port), ...extraArgs],
      { env: { TSMR_SECRET: info.secret ?? '' } },
    );
    this.pids.add(child.pid!);
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (d: Buffer) => d.toString().includes('worker listening') && resolve());
      child.once('exit', (code) => reject(new Error(`replacement worker exited with ${code}`)));
    });
  }

  killMaster(signal: NodeJS.Signals = 'SIGKILL'): void {
    process.kill(this.info.master.pid, signal);
  }

  killNamenode(signal: NodeJS.Signals = 'SIGKILL'): void {
    process.kill(this.info.namenode.pid, signal);
  }

  /** The block file of blockId on the datanode with that id. */
  blockFile(datanodeId: string, blockId: string): string {
    for (const dn of this.info.datanodes) {
      const idFile = path.join(dn.dir, 'datanode-id');
      if (fs.existsSync(idFile) && fs.readFileSync(idFile, 'utf8').trim() === datanodeId) {
        return path.join(dn.dir, 'current', blockId);
      }
    }
    throw new Error(`no datanode with id ${datanodeId}`);
  }

  async stop(): Promise<void> {
    for (const client of this.clients) client.close();
    for (const close of this.closers) close();
    let stopErrors = '';
    if (fs.existsSync(path.join(this.dir, 'cluster.json'))) {
      this.trackPids();
      stopErrors = (await runCli(['local', 'stop', '--dir', this.dir])).stderr;
    }
    // Whatever survived `local stop` (or was started by a failed test, or by a `local start`
    // that failed before writing cluster.json: found by this cluster's dir on its command line) ends here.
    for (const pid of [...this.pids, ...daemonsUnder(this.dir)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // TSMR_KEEP_TEST_DIRS=1 keeps the cluster dir (daemon logs in DIR/logs) for a post-mortem.
    if (process.env.TSMR_KEEP_TEST_DIRS) process.stderr.write(`kept ${this.dir}\n`);
    else fs.rmSync(this.dir, { recursive: true, force: true });
    // Every daemon must end on SIGTERM; `local stop` names any it had to kill.
    expect(stopErrors).toBe('');
  }

  private trackPids(): void {
    const info = this.info;
    for (const d of [info.namenode, ...info.datanodes, info.master, ...info.workers]) this.pids.add(d.pid);
  }
}

/** Pids of running tsmr daemons whose command line names a path inside dir. */
export function daemonsUnder(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc', { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry.name}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes(CLI) && cmdline.some((arg) => arg.startsWith(`${dir}/`))) pids.push(Number(entry.name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export function sha256(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Polls until check() returns a truthy value, or fails after timeoutMs with what it saw. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < giveUpAt) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

/** Deterministic pseudo-random bytes (binary data with every byte value). */
export function randomBytes(length: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
