// Test helpers: a real in-process mini DFS, a fake master that hands out the assignments a
// test queues and records every heartbeat, job bundles, and cleanup of all of it.
import {
  AttemptState,
  RpcServer,
  TaskType,
  masterProto,
  silentLogger,
  type AttemptReport__Output,
  type TaskAssignment,
  type WorkerHeartbeat__Output,
  type WorkerProtocolHandlers,
} from '@tsmr/common';
import { DfsClient, startDatanode, startNamenode } from '@tsmr/dfs';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWorker, type Worker, type WorkerOptions } from '../src';

export const STAMP = '20260101000000';
export const jobIdOf = (n: number) => `job_${STAMP}_${String(n).padStart(4, '0')}`;
export const attemptIdOf = (job: number, kind: 'm' | 'r', index: number, attempt = 0) =>
  `attempt_${STAMP}_${String(job).padStart(4, '0')}_${kind}_${String(index).padStart(6, '0')}_${attempt}`;

/** Things to stop after each test, last started first. */
const running: Array<() => unknown> = [];

export async function stopAll(): Promise<void> {
  while (running.length > 0) await running.pop()?.();
}

export function tempDir(prefix = 'tsmr-worker-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  running.unshift(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface MiniDfs {
  address: string;
  datanodeId: string;
  client: DfsClient;
}

/** A namenode and one datanode (replication 1, small blocks allowed). */
export async function startMiniDfs(): Promise<MiniDfs> {
  const namenode = await startNamenode(
    { dir: tempDir(), heartbeatInterval: '100ms', bytesPerChecksum: '512', defaultBlockSize: '4KB', defaultReplication: 1 },
    silentLogger(),
  );
  running.push(() => namenode.stop());
  const datanode = await startDatanode({ dir: tempDir(), namenode: namenode.address }, silentLogger());
  running.push(() => datanode.stop());
  const client = new DfsClient({ namenode: namenode.address });
  running.push(() => client.close());
  await eventually('the datanode to register', async () => (await client.clusterReport()).datanodes.length > 0);
  return { address: namenode.address, datanodeId: datanode.datanodeId, client };
}

/** Writes a file and returns one split per block, as the master plans them. */
export async function putFile(dfs: MiniDfs, file: string, content: Buffer, blockSize: number) {
  await dfs.client.writeFile(file, content, { blockSize });
  const located = await dfs.client.getBlockLocations(file, 0, content.length);
  return located.blocks.map((b) => ({
    path: file,
    offset: b.offset,
    length: b.length,
    fileLength: content.length,
    hosts: b.locations.map((l) => l.datanodeId),
  }));
}

/** An example job (TypeScript) bundled the way the CLI bundles it. */
export function bundleExample(name: string): Buffer {
  const result = buildSync({
    entryPoints: [path.resolve(__dirname, '../../../examples', name, 'job.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
  });
  return Buffer.from(result.outputFiles[0]?.contents ?? []);
}

/** A job module written as CommonJS source (`default` is the job). */
export const jobSource = (body: string) => Buffer.from(`module.exports = { default: ${body} };\n`);

type Handlers = Pick<WorkerProtocolHandlers, 'Heartbeat' | 'GetJobBundle'>;

/** A WorkerProtocol server that hands out queued assignments and records reports. */
export class FakeMaster {
  readonly heartbeats: WorkerHeartbeat__Output[] = [];
  readonly bundles = new Map<string, Buffer>();
  bundleFetches = 0;
  private pending: TaskAssignment[] = [];
  private kills: string[] = [];
  private server: RpcServer;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly port: number,
    private readonly secret?: string,
  ) {
    this.server = this.makeServer();
  }

  static async start(options: { secret?: string } = {}): Promise<FakeMaster> {
    const master = new FakeMaster(0, options.secret);
    await master.server.start();
    running.push(() => master.server.stop(100));
    return master;
  }

  get address(): string {
    return this.server.address;
  }

  private makeServer(port = this.port): RpcServer {
    const server = new RpcServer({ host: '127.0.0.1', port, secret: this.secret, log: silentLogger() });
    server.addService<Handlers>(masterProto().WorkerProtocol.service, {
      Heartbeat: (request) => {
        this.heartbeats.push(request);
        for (const waiter of this.waiters.splice(0)) waiter();
        const assignments = this.pending.splice(0, request.freeSlots);
        const killAttempts = this.kills.splice(0);
        return { assignments, killAttempts, heartbeatIntervalMs: 100 };
      },
      GetJobBundle: ({ jobId }) => {
        this.bundleFetches++;
        const code = this.bundles.get(jobId);
        if (code === undefined) throw new Error(`no bundle for ${jobId}`);
        return { code };
      },
    });
    return server;
  }

  /** Stops answering, then comes back on the same port (a master restart). */
  async restart(downMs: number): Promise<void> {
    const port = Number(this.address.split(':')[1]);
    await this.server.stop(100);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.server = this.makeServer(port);
    await this.server.start();
    running.push(() => this.server.stop(100));
  }

  assign(...assignments: TaskAssignment[]): void {
    this.pending.push(...assignments);
  }

  kill(attemptId: string): void {
    this.kills.push(attemptId);
  }

  /** The attempt's report once it is SUCCEEDED or FAILED. */
  finished(attemptId: string): Promise<AttemptReport__Output> {
    return eventually(`a final report of ${attemptId}`, () => {
      for (const hb of this.heartbeats) {
        const report = hb.reports.find((r) => r.attemptId === attemptId && r.state !== AttemptState.RUNNING);
        if (report) return report;
      }
      return undefined;
    });
  }

  /** Runs assignments and waits for all of them; returns their reports. */
  async run(...assignments: TaskAssignment[]): Promise<AttemptReport__Output[]> {
    this.assign(...assignments);
    return Promise.all(assignments.map((a) => this.finished(a.attemptId as string)));
  }

  /** Resolves after the next heartbeat arrives. */
  nextHeartbeat(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export async function startTestWorker(master: FakeMaster, dfs: MiniDfs, options: Partial<WorkerOptions> = {}): Promise<Worker & { dir: string }> {
  const dir = options.dir ?? tempDir();
  const worker = await startWorker(
    { dir, master: master.address, namenode: dfs.address, datanodeId: dfs.datanodeId, slots: 2, ...options },
    silentLogger(),
  );
  running.push(() => worker.stop());
  return Object.assign(worker, { dir });
}

/** Four lines; the third (index 2 within the split) contains "boom". */
export const FRAGILE_TEXT = Buffer.from('one two\nthree four\nboom here\nfive\n');

/** A job whose map does `action` on lines containing "boom", and counts words otherwise. */
export const fragileJob = (action: string) =>
  jobSource(`{
    name: 'fragile',
    map(line, ctx) { if (line.includes('boom')) { ${action} } for (const w of line.split(' ')) ctx.emit(w, 1); },
    reduce(w, ones, ctx) { ctx.emit(w, ones.length); },
  }`);

/** A mini DFS holding FRAGILE_TEXT as /in/text.txt, a fake master, a worker, and map assignments of its one split. */
export async function setup(options: Partial<WorkerOptions> = {}) {
  const dfs = await startMiniDfs();
  const master = await FakeMaster.start({ secret: options.secret });
  const [split] = await putFile(dfs, '/in/text.txt', FRAGILE_TEXT, 4096);
  const worker = await startTestWorker(master, dfs, options);
  const mapOf = (job: number, index = 0, reducers = 1): TaskAssignment => ({
    attemptId: attemptIdOf(job, 'm', index),
    jobId: jobIdOf(job),
    type: TaskType.MAP,
    taskIndex: index,
    split,
    reducers,
    output: `/out/${job}`,
  });
  return { dfs, master, worker, mapOf };
}
