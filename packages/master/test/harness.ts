// Test harness: a real in-process mini DFS (a namenode and datanodes in temp dirs), a
// master on port 0 with short intervals, and fake workers that speak WorkerProtocol
// in-process: they heartbeat, take assignments, write the part files a real reduce
// would, and report as a real worker does.
import {
  masterProto,
  silentLogger,
  unaryClient,
  type AttemptReport,
  type HeartbeatReply__Output,
  type JobClientDefinition,
  type JobStatus__Output,
  type TaskAssignment__Output,
  type UnaryApi,
  type WorkerProtocolDefinition,
} from '@tsmr/common';
import { DfsClient, startDatanode, startNamenode, type Datanode } from '@tsmr/dfs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMaster, type Master, type MasterOptions } from '../src';

export type JobClientApi = UnaryApi<JobClientDefinition>;
export type WorkerApi = UnaryApi<WorkerProtocolDefinition>;

export const BUNDLE = Buffer.from('module.exports = { map() {}, reduce() {} };');

/** Things to stop after each test, last started first. */
const running: (() => unknown)[] = [];

export async function stopAll(): Promise<void> {
  while (running.length > 0) await running.pop()?.();
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-master-'));
  running.unshift(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Polls until `check` returns something other than undefined/false; fails after a while. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface MiniDfs {
  namenode: string;
  datanodeIds: string[];
  dfs: DfsClient;
  /** A client whose writes put the first replica on the given datanode. */
  clientOn(datanodeId: string): DfsClient;
}

/** A namenode with 4 KB blocks and `datanodes` live datanodes. */
export async function startMiniDfs(datanodes = 3): Promise<MiniDfs> {
  const namenode = await startNamenode(
    { dir: tempDir(), heartbeatInterval: '100ms', deadNodeTimeout: '1s', bytesPerChecksum: '1KB', defaultBlockSize: '4KB' },
    silentLogger(),
  );
  running.push(() => namenode.stop());
  const nodes: Datanode[] = [];
  for (let i = 0; i < datanodes; i++) {
    const node = await startDatanode({ dir: tempDir(), namenode: namenode.address }, silentLogger());
    running.push(() => node.stop());
    nodes.push(node);
  }
  const client = (localDatanodeId?: string) => {
    const dfs = new DfsClient({ namenode: namenode.address, localDatanodeId });
    running.push(() => dfs.close());
    return dfs;
  };
  const dfs = client();
  await eventually('live datanodes', async () => {
    const report = await dfs.clusterReport();
    return !report.safeMode && report.datanodes.filter((d) => d.live).length === datanodes;
  });
  return { namenode: namenode.address, datanodeIds: nodes.map((n) => n.datanodeId), dfs, clientOn: client };
}

export interface TestMaster {
  master: Master;
  dir: string;
  client: JobClientApi;
  worker: WorkerApi;
  stop(): Promise<void>;
}

export const TEST_MASTER_OPTIONS = { heartbeatInterval: '100ms', workerTimeout: '1s', localityDelay: '300ms' } satisfies Partial<MasterOptions>;

export async function startTestMaster(dfs: MiniDfs, options: Partial<MasterOptions> = {}): Promise<TestMaster> {
  const dir = options.dir ?? tempDir();
  const master = await startMaster({ ...TEST_MASTER_OPTIONS, namenode: dfs.namenode, ...options, dir }, silentLogger());
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await master.stop();
  };
  running.push(stop);
  const jobClient = unaryClient(masterProto().JobClient, master.address, { secret: options.secret });
  const workerClient = unaryClient(masterProto().WorkerProtocol, master.address, { secret: options.secret });
  running.push(() => {
    jobClient.close();
    workerClient.close();
  });
  return { master, dir, client: jobClient.api, worker: workerClient.api, stop };
}

export interface JobOptions {
  inputs: string[];
  output: string;
  reducers?: number;
  maxAttempts?: number;
  name?: string;
  noSpeculation?: boolean;
  skipBadRecords?: number;
  outputReplication?: number;
}

export async function submit(client: JobClientApi, job: JobOptions): Promise<string> {
  const { jobId } = await client.SubmitJob({
    spec: {
      name: job.name ?? 'test',
      inputs: job.inputs,
      output: job.output,
      reducers: job.reducers ?? 0,
      maxAttempts: job.maxAttempts ?? 0,
      noSpeculation: job.noSpeculation ?? false,
      skipBadRecords: job.skipBadRecords ?? 0,
      outputReplication: job.outputReplication ?? 0,
    },
    bundle: BUNDLE,
    submitter: 'tester',
  });
  return jobId;
}

export async function waitForState(client: JobClientApi, jobId: string, ...states: string[]): Promise<JobStatus__Output> {
  return eventually(`job ${jobId} in ${states.join('/')}`, async () => {
    const status = await client.GetJobStatus({ jobId });
    return states.includes(status.state) && status;
  });
}

/** The name of the part file a task writes. */
export function partName(assignment: TaskAssignment__Output): string {
  return `part-${assignment.type === 'MAP' ? 'm' : 'r'}-${String(assignment.taskIndex).padStart(5, '0')}`;
}

/**
 * A worker as the master sees one: it lists every attempt it holds in every heartbeat,
 * and reports finished ones until a reply acknowledges them.
 */
export class FakeWorker {
  /** Attempts held and not finished. */
  readonly running = new Map<string, TaskAssignment__Output>();
  /** Every assignment it ever got, in order. */
  readonly assigned: TaskAssignment__Output[] = [];
  readonly killed: string[] = [];
  private unacknowledged: AttemptReport[] = [];

  constructor(
    private readonly api: WorkerApi,
    readonly id: string,
    readonly datanodeId = '',
    readonly shuffleAddress = `127.0.0.1:${7000 + Math.floor(Math.random() * 1000)}`,
  ) {}

  /** One heartbeat with `freeSlots` free; returns the new assignments. */
  async heartbeat(freeSlots = 0): Promise<TaskAssignment__Output[]> {
    const reports: AttemptReport[] = [
      ...[...this.running.keys()].map((attemptId) => ({ attemptId, state: 'RUNNING' as const })),
      ...this.unacknowledged,
    ];
    const reply: HeartbeatReply__Output = await this.api.Heartbeat({
      workerId: this.id,
      shuffleAddress: this.shuffleAddress,
      datanodeId: this.datanodeId,
      slots: 4,
      freeSlots,
      reports,
    });
    this.unacknowledged = this.unacknowledged.filter((r) => !reports.includes(r));
    for (const id of reply.killAttempts) {
      this.killed.push(id);
      this.running.delete(id);
    }
    for (const assignment of reply.assignments) {
      this.running.set(assignment.attemptId, assignment);
      this.assigned.push(assignment);
    }
    return reply.assignments;
  }

  /** Heartbeats until it is given something (a worker without local maps waits out the locality delay). */
  async take(freeSlots = 1): Promise<TaskAssignment__Output[]> {
    return eventually(`an assignment for ${this.id}`, async () => {
      const assignments = await this.heartbeat(freeSlots);
      return assignments.length > 0 && assignments;
    });
  }

  /** Finishes an attempt; the report goes out with the next heartbeat. */
  finish(attemptId: string, report: Omit<AttemptReport, 'attemptId'>): void {
    this.running.delete(attemptId);
    this.unacknowledged.push({ attemptId, ...report });
  }

  /** Writes the attempt's part file under _temporary as a real task would (reduces and map-only maps). */
  async writeOutput(dfs: DfsClient, assignment: TaskAssignment__Output, content = `${assignment.attemptId}\n`): Promise<void> {
    await dfs.writeFile(`${assignment.output}/_temporary/${assignment.attemptId}/${partName(assignment)}`, Buffer.from(content), { replication: 1 });
  }

  /** Does the work of an attempt and reports success (with one user counter). */
  async succeed(dfs: DfsClient, assignment: TaskAssignment__Output): Promise<void> {
    const writesOutput = assignment.type === 'REDUCE' || assignment.reducers === 0;
    if (writesOutput) await this.writeOutput(dfs, assignment);
    this.finish(assignment.attemptId, {
      state: 'SUCCEEDED',
      counters: { RECORDS: 10 },
      partitionBytes: writesOutput ? [] : Array.from({ length: assignment.reducers }, () => 100),
    });
  }
}

/** Runs a job to its end with the given workers, each taking and finishing what it gets. */
export async function runJob(dfs: DfsClient, client: JobClientApi, jobId: string, workers: FakeWorker[]): Promise<JobStatus__Output> {
  await eventually(`job ${jobId} to finish`, async () => {
    for (const worker of workers) {
      for (const assignment of await worker.heartbeat(2)) await worker.succeed(dfs, assignment);
      await worker.heartbeat(0);
    }
    const { state } = await client.GetJobStatus({ jobId });
    return state !== 'PENDING' && state !== 'RUNNING';
  });
  return client.GetJobStatus({ jobId });
}

/** Writes a file of `bytes` bytes of text lines. */
export async function writeInput(dfs: DfsClient, file: string, bytes: number, replication = 1): Promise<void> {
  const line = 'the quick brown fox jumps over the lazy dog\n';
  const data = Buffer.from(line.repeat(Math.ceil(bytes / line.length))).subarray(0, bytes);
  await dfs.writeFile(file, data, { replication });
}
