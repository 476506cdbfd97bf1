// The datanodes the namenode knows (HDFS's DatanodeManager): their addresses, storage and
// load from heartbeats, liveness, the replicas each holds, and the commands waiting for
// each one's next heartbeat.
import type { DatanodeCommand, DatanodeInfo, DatanodeReport, Logger, StorageReport__Output } from '@tsmr/common';
import { formatBlockId } from '../block-id';

/** Most block ids sent in one invalidate command (HDFS's blockInvalidateLimit). */
const INVALIDATE_LIMIT = 1000;

export class DatanodeDescriptor {
  capacity = 0;
  used = 0;
  remaining = 0;
  /** Transfers the datanode reported in its last heartbeat. */
  activeTransfers = 0;
  /** Pipelines assigned to it since then, so that concurrent writers spread out. */
  scheduledTransfers = 0;
  live = true;
  /** Ids of the blocks it holds a replica of (good or corrupt). */
  readonly blocks = new Set<number>();
  private readonly replicateQueue: DatanodeCommand[] = [];
  private readonly invalidateQueue = new Set<number>();

  constructor(
    readonly id: string,
    public address: string,
    /** host:port of its block stream (raw TCP reads); '' if it has none. */
    public streamAddress: string,
    public lastHeartbeat: number,
  ) {}

  get load(): number {
    return this.activeTransfers + this.scheduledTransfers;
  }

  get info(): DatanodeInfo {
    return { datanodeId: this.id, address: this.address, streamAddress: this.streamAddress };
  }

  updateStorage(storage: StorageReport__Output | null): void {
    this.capacity = storage?.capacity ?? 0;
    this.used = storage?.used ?? 0;
    this.remaining = storage?.remaining ?? 0;
  }

  queueReplicate(blockId: number, targets: DatanodeDescriptor[]): void {
    this.replicateQueue.push({ replicate: { blockId: formatBlockId(blockId), targets: targets.map((t) => t.info) } });
  }

  queueInvalidate(blockId: number): void {
    this.invalidateQueue.add(blockId);
  }

  /** A replica queued for deletion must not count again if a report lists it meanwhile. */
  isQueuedForDeletion(blockId: number): boolean {
    return this.invalidateQueue.has(blockId);
  }

  /** The commands for its next heartbeat reply, removed from the queues. */
  takeCommands(): DatanodeCommand[] {
    const commands = this.replicateQueue.splice(0);
    if (this.invalidateQueue.size > 0) {
      const ids: string[] = [];
      for (const id of this.invalidateQueue) {
        if (ids.length === INVALIDATE_LIMIT) break;
        ids.push(formatBlockId(id));
        this.invalidateQueue.delete(id);
      }
      commands.push({ invalidate: { blockIds: ids } });
    }
    return commands;
  }

  clearCommands(): void {
    this.replicateQueue.length = 0;
    this.invalidateQueue.clear();
  }

  report(): DatanodeReport {
    return {
      datanode: this.info,
      live: this.live,
      capacity: this.capacity,
      used: this.used,
      remaining: this.remaining,
      blockCount: this.blocks.size,
      activeTransfers: this.activeTransfers,
      lastHeartbeat: this.lastHeartbeat,
    };
  }
}

const REREGISTER: DatanodeCommand = { reregister: {} };

export class DatanodeManager {
  private readonly nodes = new Map<string, DatanodeDescriptor>();

  constructor(
    private readonly deadNodeTimeoutMs: number,
    private readonly log: Logger,
  ) {}

  /**
   * Registers a datanode (or a known one again, maybe at a new address). Returns the
   * other datanodes it displaced: ones registered at the same address, now dead.
   */
  register(
    { id, address, streamAddress }: { id: string; address: string; streamAddress: string },
    storage: StorageReport__Output | null,
    now: number,
  ): DatanodeDescriptor[] {
    let node = this.nodes.get(id);
    if (node) {
      node.address = address;
      node.streamAddress = streamAddress;
      node.lastHeartbeat = now;
      node.live = true;
    } else {
      node = new DatanodeDescriptor(id, address, streamAddress, now);
      this.nodes.set(id, node);
    }
    node.updateStorage(storage);
    this.log.info({ datanode: id, address }, 'datanode registered');
    const displaced = [...this.nodes.values()].filter((other) => other !== node && other.live && other.address === address);
    for (const other of displaced) this.markDead(other, `datanode ${id} registered at its address`);
    return displaced;
  }

  /**
   * Records a heartbeat and returns the commands for the reply. A datanode the namenode
   * does not know (it restarted) or considers dead is told to register again.
   */
  heartbeat(id: string, storage: StorageReport__Output | null, activeTransfers: number, now: number): DatanodeCommand[] {
    const node = this.nodes.get(id);
    if (!node?.live) return [REREGISTER];
    node.lastHeartbeat = now;
    node.updateStorage(storage);
    node.activeTransfers = activeTransfers;
    node.scheduledTransfers = 0;
    return node.takeCommands();
  }

  /** A live datanode by id. */
  getLive(id: string): DatanodeDescriptor | undefined {
    const node = this.nodes.get(id);
    return node?.live ? node : undefined;
  }

  live(): DatanodeDescriptor[] {
    return [...this.nodes.values()].filter((node) => node.live);
  }

  all(): DatanodeDescriptor[] {
    return [...this.nodes.values()];
  }

  /** Marks dead the datanodes silent for the dead-node timeout; returns them. */
  removeDeadNodes(now: number): DatanodeDescriptor[] {
    const dead = this.live().filter((node) => now - node.lastHeartbeat > this.deadNodeTimeoutMs);
    for (const node of dead) this.markDead(node, `no heartbeat for ${now - node.lastHeartbeat} ms`);
    return dead;
  }

  // Its queued commands go too: when it comes back it registers and reports in full, and
  // the namenode decides again from that report.
  private markDead(node: DatanodeDescriptor, reason: string): void {
    node.live = false;
    node.clearCommands();
    this.log.info({ datanode: node.id, address: node.address, reason }, 'datanode dead');
  }
}
