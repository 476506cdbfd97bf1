// The datanode's side of DatanodeProtocol (HDFS's BPServiceActor): register and send a
// full block report, heartbeat at the interval the namenode gives and run the commands it
// returns, and send incremental reports (blocks received or deleted, bad replicas) as
// they happen. The namenode may start later or restart: calls are retried with backoff
// for as long as the datanode runs, and a `reregister` command (or a refusal) starts over.
import {
  isUnavailable,
  namenodeProto,
  unaryClient,
  type DatanodeCommand__Output,
  type DatanodeInfo__Output,
  type Logger,
  type RegisterResponse__Output,
  type ReplicateCommand__Output,
  type UnaryClient,
} from '@tsmr/common';
import type { BlockStorage } from './storage';
import { Wakeup } from './wakeup';

const DEFAULT_HEARTBEAT_INTERVAL_MS = 3000;
const MIN_RETRY_DELAY_MS = 100;
/** How long a finished write waits for the namenode to hear of it before acking anyway. */
const BLOCK_RECEIVED_WAIT_MS = 5000;

export interface NamenodeLinkOptions {
  /** host:port of the namenode. */
  namenode: string;
  secret?: string;
  storage: BlockStorage;
  log: Logger;
  /** Block reads and writes in progress (replications are added here). */
  activeTransfers(): number;
  /** Copies a local replica to the targets, as a write pipeline. */
  replicate(blockId: string, targets: DatanodeInfo__Output[]): Promise<void>;
}

interface PendingReceived {
  length: number;
  /** Writes waiting for the namenode to know of the block before their last ack. */
  waiters: Array<() => void>;
}

export class NamenodeLink {
  private readonly client: UnaryClient<ReturnType<typeof namenodeProto>['DatanodeProtocol']['service']>;
  private datanode: DatanodeInfo__Output | undefined;
  private settings: RegisterResponse__Output | undefined;
  private registered = false;
  private stopped = false;
  private nextBlockReportAt = Infinity;
  private replications = 0;
  private readonly received = new Map<string, PendingReceived>();
  private readonly deleted = new Set<string>();
  private readonly badBlocks = new Map<string, string>();
  private readonly heartbeatWakeup = new Wakeup();
  private readonly reportWakeup = new Wakeup();
  private loops: Promise<void>[] = [];

  constructor(private readonly options: NamenodeLinkOptions) {
    this.client = unaryClient(namenodeProto().DatanodeProtocol, options.namenode, { secret: options.secret });
  }

  /** Starts registering (in the background) as this datanode. */
  start(datanode: DatanodeInfo__Output): void {
    this.datanode = datanode;
    this.loops = [this.serviceLoop(), this.reportLoop()];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.heartbeatWakeup.notify();
    this.reportWakeup.notify();
    await Promise.all(this.loops);
    for (const pending of this.received.values()) pending.waiters.forEach((wake) => wake());
    this.client.close();
  }

  /** The cluster's bytes per checksum, once registered. */
  get bytesPerChecksum(): number | undefined {
    return this.settings?.bytesPerChecksum || undefined;
  }

  /** Reports a finalized replica; resolves once the namenode has it, or after BLOCK_RECEIVED_WAIT_MS. */
  blockReceived(blockId: string, length: number): Promise<void> {
    this.deleted.delete(blockId);
    const pending = this.received.get(blockId) ?? { length, waiters: [] };
    pending.length = length;
    this.received.set(blockId, pending);
    this.reportWakeup.notify();
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      pending.waiters.push(resolve);
      setTimeout(resolve, BLOCK_RECEIVED_WAIT_MS).unref();
    });
  }

  blockDeleted(blockId: string): void {
    this.received.get(blockId)?.waiters.forEach((wake) => wake());
    this.received.delete(blockId);
    this.deleted.add(blockId);
    this.reportWakeup.notify();
  }

  reportBadBlock(blockId: string, reason: string): void {
    this.badBlocks.set(blockId, reason);
    this.reportWakeup.notify();
  }

  private get datanodeId(): string {
    return this.datanode!.datanodeId;
  }

  private get heartbeatIntervalMs(): number {
    return this.settings?.heartbeatIntervalMs || DEFAULT_HEARTBEAT_INTERVAL_MS;
  }

  // ---- registration and heartbeats ----

  private async serviceLoop(): Promise<void> {
    let retryDelay = MIN_RETRY_DELAY_MS;
    let failing = false;
    while (!this.stopped) {
      try {
        if (!this.registered) await this.register();
        else if (Date.now() >= this.nextBlockReportAt) await this.sendBlockReport();
        const response = await this.client.api.Heartbeat({
          datanodeId: this.datanodeId,
          storage: await this.options.storage.storageReport(),
          activeTransfers: this.options.activeTransfers() + this.replications,
        });
        if (failing) this.options.log.info({ namenode: this.options.namenode }, 'namenode reachable again');
        failing = false;
        retryDelay = MIN_RETRY_DELAY_MS;
        for (const command of response.commands) this.execute(command);
        if (this.registered) await this.heartbeatWakeup.wait(this.heartbeatIntervalMs);
      } catch (err) {
        if (this.stopped) break;
        if (!failing) this.options.log.warn({ err, namenode: this.options.namenode }, 'namenode call failed; retrying');
        failing = true;
        // Anything but "unreachable" means the namenode does not take us as we are.
        if (!isUnavailable(err)) this.registered = false;
        await this.heartbeatWakeup.wait(retryDelay);
        retryDelay = Math.min(retryDelay * 2, this.heartbeatIntervalMs);
      }
    }
  }

  private async register(): Promise<void> {
    const { storage, log } = this.options;
    this.settings = await this.client.api.Register({ datanode: this.datanode, storage: await storage.storageReport() });
    await this.sendBlockReport();
    this.registered = true;
    // A restarted namenode has forgotten which of our replicas are corrupt.
    for (const { blockId, reason } of storage.corruptReplicas()) this.badBlocks.set(blockId, reason);
    this.reportWakeup.notify();
    log.info({ datanodeId: this.datanodeId, namenode: this.options.namenode }, 'registered with the namenode');
  }

  private async sendBlockReport(): Promise<void> {
    const blocks = await this.options.storage.list();
    await this.client.api.BlockReport({ datanodeId: this.datanodeId, blocks });
    const interval = this.settings?.blockReportIntervalMs ?? 0;
    this.nextBlockReportAt = interval > 0 ? Date.now() + interval : Infinity;
    this.options.log.debug({ blocks: blocks.length }, 'sent a block report');
  }

  private execute(command: DatanodeCommand__Output): void {
    if (command.replicate) void this.replicate(command.replicate);
    else if (command.invalidate) void this.invalidate(command.invalidate.blockIds);
    else if (command.reregister) this.registered = false;
  }

  private async replicate({ blockId, targets }: ReplicateCommand__Output): Promise<void> {
    const { log } = this.options;
    this.replications++;
    try {
      await this.options.replicate(blockId, targets);
      log.info({ blockId, targets: targets.map((t) => t.datanodeId) }, 'replicated block');
    } catch (err) {
      log.warn({ err, blockId, targets: targets.map((t) => t.datanodeId) }, 'cannot replicate block');
    } finally {
      this.replications--;
    }
  }

  private async invalidate(blockIds: string[]): Promise<void> {
    for (const blockId of blockIds) {
      try {
        await this.options.storage.delete(blockId);
        this.blockDeleted(blockId);
      } catch (err) {
        this.options.log.warn({ err, blockId }, 'cannot delete block');
      }
    }
  }

  // ---- incremental reports ----

  private async reportLoop(): Promise<void> {
    let retryDelay = MIN_RETRY_DELAY_MS;
    while (!this.stopped) {
      const idle = this.received.size === 0 && this.deleted.size === 0 && this.badBlocks.size === 0;
      if (!this.registered || idle) {
        await this.reportWakeup.wait(this.heartbeatIntervalMs);
        continue;
      }
      try {
        await this.sendIncrementalReports();
        retryDelay = MIN_RETRY_DELAY_MS;
      } catch (err) {
        if (this.stopped) break;
        this.options.log.warn({ err }, 'cannot send block reports to the namenode; retrying');
        await this.reportWakeup.wait(retryDelay);
        retryDelay = Math.min(retryDelay * 2, this.heartbeatIntervalMs);
      }
    }
  }

  /** Sends what is pending; on failure puts back what was not superseded meanwhile. */
  private async sendIncrementalReports(): Promise<void> {
    const received = new Map(this.received);
    const deleted = [...this.deleted];
    const bad = new Map(this.badBlocks);
    for (const [blockId, pending] of received) if (this.received.get(blockId) === pending) this.received.delete(blockId);
    this.deleted.clear();
    this.badBlocks.clear();
    try {
      if (received.size > 0 || deleted.length > 0) {
        await this.client.api.BlockReceived({
          datanodeId: this.datanodeId,
          received: [...received].map(([blockId, { length }]) => ({ blockId, length })),
          deleted,
        });
      }
      for (const pending of received.values()) pending.waiters.forEach((wake) => wake());
      if (bad.size > 0) {
        await this.client.api.ReportBadBlocks({
          blocks: [...bad].map(([blockId, reason]) => ({ blockId, datanodeId: this.datanodeId, reason })),
        });
      }
    } catch (err) {
      if (!isUnavailable(err)) {
        // Refused (the namenode does not know us): register again; the full report supersedes these.
        this.registered = false;
        this.heartbeatWakeup.notify();
        throw err;
      }
      for (const [blockId, pending] of received) if (!this.received.has(blockId) && !this.deleted.has(blockId)) this.received.set(blockId, pending);
      for (const blockId of deleted) if (!this.received.has(blockId)) this.deleted.add(blockId);
      for (const [blockId, reason] of bad) if (!this.badBlocks.has(blockId)) this.badBlocks.set(blockId, reason);
      throw err;
    }
  }
}
