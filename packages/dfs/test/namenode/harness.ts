// Test harness: a namenode on port 0 with short intervals, and in-process fake datanodes
// that speak DatanodeProtocol (register, report, heartbeat) without storing any bytes.
import {
  namenodeProto,
  silentLogger,
  unaryClient,
  type DatanodeCommand__Output,
  type UnaryApi,
  type UnaryClient,
} from '@tsmr/common';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNamenode, type Namenode, type NamenodeOptions } from '../../src/namenode';

type ClientApi = UnaryApi<ReturnType<typeof namenodeProto>['ClientProtocol']['service']>;
type DatanodeApi = UnaryApi<ReturnType<typeof namenodeProto>['DatanodeProtocol']['service']>;

/** Things to stop after each test, in reverse order of starting. */
const running: (() => unknown)[] = [];

export async function stopAll(): Promise<void> {
  while (running.length > 0) await running.pop()?.();
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-namenode-'));
  running.unshift(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const TEST_OPTIONS = {
  heartbeatInterval: '100ms',
  deadNodeTimeout: '1s',
  bytesPerChecksum: '1KB',
  defaultBlockSize: '4KB',
} satisfies Partial<NamenodeOptions>;

export interface TestNamenode {
  namenode: Namenode;
  dir: string;
  client: ClientApi;
  /** A client with its own options (another secret, say); closed after the test. */
  connect(secret?: string): ClientApi;
  stop(): Promise<void>;
}

export async function startTestNamenode(options: Partial<NamenodeOptions> = {}): Promise<TestNamenode> {
  const dir = options.dir ?? tempDir();
  const namenode = await startNamenode({ ...TEST_OPTIONS, ...options, dir }, silentLogger());
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await namenode.stop();
  };
  running.push(stop);
  const connect = (secret = options.secret) => {
    const client = unaryClient(namenodeProto().ClientProtocol, namenode.address, { secret });
    running.push(() => client.close());
    return client.api;
  };
  return { namenode, dir, client: connect(), connect, stop };
}

let nextPort = 40000;

export class FakeDatanode {
  /** Block id → length of the replicas it holds. */
  readonly blocks = new Map<string, number>();
  /** Every command received in heartbeat replies, in order. */
  readonly commands: DatanodeCommand__Output[] = [];
  storage = { capacity: 1e12, used: 0, remaining: 1e12 };
  private connection!: UnaryClient<ReturnType<typeof namenodeProto>['DatanodeProtocol']['service']>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    namenodeAddress: string,
    readonly id: string = randomUUID(),
    readonly address = `127.0.0.1:${nextPort++}`,
    private readonly secret?: string,
  ) {
    this.connect(namenodeAddress);
  }

  get api(): DatanodeApi {
    return this.connection.api;
  }

  /** Talks to a (restarted) namenode at a new address. */
  connect(namenodeAddress: string): void {
    this.connection?.close();
    this.connection = unaryClient(namenodeProto().DatanodeProtocol, namenodeAddress, { secret: this.secret });
    running.push(() => {
      this.stopHeartbeats();
      this.connection.close();
    });
  }

  /** Register, report every block, and heartbeat every 100 ms (obeying reregister). */
  async start(): Promise<this> {
    await this.register();
    await this.report();
    this.startHeartbeats();
    return this;
  }

  async register(): Promise<void> {
    await this.api.Register({ datanode: { datanodeId: this.id, address: this.address }, storage: this.storage });
  }

  async report(): Promise<void> {
    await this.api.BlockReport({ datanodeId: this.id, blocks: [...this.blocks].map(([blockId, length]) => ({ blockId, length })) });
  }

  async heartbeat(): Promise<DatanodeCommand__Output[]> {
    const { commands } = await this.api.Heartbeat({ datanodeId: this.id, storage: this.storage, activeTransfers: 0 });
    this.commands.push(...commands);
    if (commands.some((c) => c.reregister)) {
      await this.register();
      await this.report();
    }
    return commands;
  }

  startHeartbeats(): void {
    this.timer ??= setInterval(() => void this.heartbeat().catch(() => undefined), 100);
  }

  /** Goes silent, as if the process died. */
  stopHeartbeats(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stores a replica and tells the namenode (BlockReceived). */
  async receive(blockId: string, length: number): Promise<void> {
    this.blocks.set(blockId, length);
    await this.api.BlockReceived({ datanodeId: this.id, received: [{ blockId, length }], deleted: [] });
  }

  replicateCommands(): { blockId: string; targets: string[] }[] {
    return this.commands.flatMap((c) => (c.replicate ? [{ blockId: c.replicate.blockId, targets: c.replicate.targets.map((t) => t.datanodeId) }] : []));
  }

  invalidated(): string[] {
    return this.commands.flatMap((c) => c.invalidate?.blockIds ?? []);
  }
}

export async function startDatanodes(namenodeAddress: string, count: number): Promise<FakeDatanode[]> {
  return Promise.all(Array.from({ length: count }, () => new FakeDatanode(namenodeAddress).start()));
}

/**
 * Writes a file as a client would: Create, then per block AddBlock and a BlockReceived
 * from every datanode of the pipeline, then Complete. Returns the block ids.
 */
export async function writeFile(
  client: ClientApi,
  datanodes: readonly FakeDatanode[],
  file: string,
  blockLengths: readonly number[],
  replication = 3,
  excludedDatanodes: string[] = [],
): Promise<string[]> {
  const clientName = `writer-${randomUUID()}`;
  await client.Create({ path: file, clientName, replication, createParent: true });
  const ids: string[] = [];
  let previous: { blockId: string; length: number } | undefined;
  for (const length of blockLengths) {
    const block = await client.AddBlock({ path: file, clientName, previous, excludedDatanodes });
    for (const location of block.locations) {
      const node = datanodes.find((d) => d.id === location.datanodeId);
      if (!node) throw new Error(`pipeline names unknown datanode ${location.datanodeId}`);
      await node.receive(block.blockId, length);
    }
    ids.push(block.blockId);
    previous = { blockId: block.blockId, length };
  }
  const { completed } = await client.Complete({ path: file, clientName, last: previous });
  if (!completed) throw new Error(`Complete of ${file} answered completed=false`);
  return ids;
}

/** Polls until `check` returns a value other than undefined/false, or fails after a while. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 8000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
