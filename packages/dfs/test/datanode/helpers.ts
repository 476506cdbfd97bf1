// Test helpers: a fake namenode (DatanodeProtocol only) that records what datanodes tell
// it and hands out commands, and a small cluster of real datanodes in temp dirs.
import {
  RpcServer,
  namenodeProto,
  silentLogger,
  type AsyncHandlers,
  type BadBlock__Output,
  type DatanodeCommand,
  type DatanodeInfo__Output,
  type DatanodeProtocolHandlers,
  type HeartbeatRequest__Output,
  type RegisterRequest__Output,
  type BlockReportRequest__Output,
} from '@tsmr/common';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDatanode, type Datanode, type DatanodeOptions } from '../../src/datanode';

type DatanodeProtocolMethods = Pick<DatanodeProtocolHandlers, 'Register' | 'Heartbeat' | 'BlockReport' | 'BlockReceived' | 'ReportBadBlocks'>;

export interface ReceivedReport {
  datanodeId: string;
  blockId: string;
  length: number;
}

export class FakeNamenode {
  readonly registrations: RegisterRequest__Output[] = [];
  readonly blockReports: BlockReportRequest__Output[] = [];
  readonly heartbeats: HeartbeatRequest__Output[] = [];
  readonly received: ReceivedReport[] = [];
  readonly deleted: Array<{ datanodeId: string; blockId: string }> = [];
  readonly badBlocks: BadBlock__Output[] = [];
  /** Commands handed out at each datanode's next heartbeat. */
  readonly commands = new Map<string, DatanodeCommand[]>();
  bytesPerChecksum = 0;
  private readonly known = new Set<string>();

  private constructor(private readonly server: RpcServer) {}

  static async start(options: { port?: number; secret?: string } = {}): Promise<FakeNamenode> {
    const server = new RpcServer({ host: '127.0.0.1', port: options.port ?? 0, secret: options.secret, log: silentLogger() });
    const fake = new FakeNamenode(server);
    server.addService<DatanodeProtocolMethods>(namenodeProto().DatanodeProtocol.service, fake.handlers());
    await server.start();
    return fake;
  }

  get address(): string {
    return this.server.address;
  }

  get port(): number {
    return Number(this.address.split(':')[1]);
  }

  /** Registered and sent its full block report. */
  isRegistered(datanodeId: string): boolean {
    return this.known.has(datanodeId) && this.blockReports.some((r) => r.datanodeId === datanodeId);
  }

  queueCommand(datanodeId: string, command: DatanodeCommand): void {
    this.commands.set(datanodeId, [...(this.commands.get(datanodeId) ?? []), command]);
  }

  stop(): Promise<void> {
    return this.server.stop(0);
  }

  private handlers(): AsyncHandlers<DatanodeProtocolMethods> {
    return {
      Register: (request) => {
        this.registrations.push(request);
        this.known.add(request.datanode!.datanodeId);
        return { heartbeatIntervalMs: 100, blockReportIntervalMs: 0, bytesPerChecksum: this.bytesPerChecksum };
      },
      Heartbeat: (request) => {
        this.heartbeats.push(request);
        // Like a restarted namenode: a datanode it does not know must register again.
        if (!this.known.has(request.datanodeId)) return { commands: [{ reregister: {} }] };
        const commands = this.commands.get(request.datanodeId) ?? [];
        this.commands.delete(request.datanodeId);
        return { commands };
      },
      BlockReport: (request) => {
        this.blockReports.push(request);
        return {};
      },
      BlockReceived: (request) => {
        for (const block of request.received) this.received.push({ datanodeId: request.datanodeId, ...block });
        for (const blockId of request.deleted) this.deleted.push({ datanodeId: request.datanodeId, blockId });
        return {};
      },
      ReportBadBlocks: (request) => {
        this.badBlocks.push(...request.blocks);
        return {};
      },
    };
  }
}

/** Polls until `check` holds (throws after timeoutMs: the assertion that follows then fails). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function tempDir(prefix = 'tsmr-dn-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface TestCluster {
  namenode: FakeNamenode;
  datanodes: Datanode[];
  dirs: string[];
  /** Pipeline entries for the datanodes, in order. */
  infos(): DatanodeInfo__Output[];
  /** Restarts datanode i on its dir. */
  restart(i: number, extra?: Partial<DatanodeOptions>): Promise<Datanode>;
  stop(): Promise<void>;
}

export async function startCluster(count: number, extra: Partial<DatanodeOptions> = {}): Promise<TestCluster> {
  const namenode = await FakeNamenode.start({ secret: extra.secret });
  const dirs = await Promise.all(Array.from({ length: count }, () => tempDir()));
  const start = (dir: string, more: Partial<DatanodeOptions> = {}) =>
    startDatanode({ dir, namenode: namenode.address, ...extra, ...more }, silentLogger());
  const datanodes = await Promise.all(dirs.map((dir) => start(dir)));
  const stopped = new Set<Datanode>();
  await waitFor(() => datanodes.every((d) => namenode.isRegistered(d.datanodeId)));
  return {
    namenode,
    datanodes,
    dirs,
    infos: () => datanodes.map((d) => ({ datanodeId: d.datanodeId, address: d.address, streamAddress: d.streamAddress })),
    async restart(i, more) {
      const old = datanodes[i]!;
      if (!stopped.has(old)) await old.stop();
      stopped.add(old);
      datanodes[i] = await start(dirs[i]!, more);
      return datanodes[i]!;
    },
    async stop() {
      await Promise.all(datanodes.filter((d) => !stopped.has(d)).map((d) => d.stop()));
      await namenode.stop();
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/** Marks a datanode as already stopped by the test, so cluster.stop() skips it. */
export async function stopDatanode(cluster: TestCluster, i: number): Promise<void> {
  await cluster.datanodes[i]!.stop();
  cluster.datanodes.splice(i, 1, { ...cluster.datanodes[i]!, stop: async () => undefined });
}
