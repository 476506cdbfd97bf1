// The replication monitor (HDFS's RedundancyMonitor), run every heartbeat interval outside
// safe mode. It looks at the blocks whose replicas changed:
//  - under-replicated: a `replicate` command on a source holding a good replica, to new
//    targets; pending until the targets report the block, retried after 5 intervals;
//  - over-replicated: the replica on the fullest datanode is deleted;
//  - corrupt replicas: deleted once the block has enough good ones again.
// Blocks of no file are deleted when reported (block-manager.ts), not here.
import type { Logger } from '@tsmr/common';
import { formatBlockId } from '../block-id';
import type { BlockInfo, BlockManager } from './block-manager';
import type { DatanodeDescriptor, DatanodeManager } from './datanode-manager';
import { chooseTargets } from './placement';

/** Most replications a datanode is the source of at once. */
const MAX_REPLICATIONS_PER_SOURCE = 8;
/** A replication not reported within this many heartbeat intervals is scheduled again. */
const PENDING_TIMEOUT_INTERVALS = 5;

interface PendingReplication {
  source: DatanodeDescriptor;
  targets: DatanodeDescriptor[];
  deadline: number;
}

export class ReplicationMonitor {
  /** Blocks with fewer good replicas than expected (but at least one to copy). */
  private readonly needed = new Set<number>();
  private readonly pending = new Map<number, PendingReplication>();

  constructor(
    private readonly blocks: BlockManager,
    private readonly datanodes: DatanodeManager,
    private readonly heartbeatIntervalMs: number,
    /**
     * No replication before this time: after a restart, a datanode that has not
     * re-registered yet may only not have heard of the restart, so a replica it did not
     * report is not lost until a dead-node timeout has passed.
     */
    private readonly replicateFrom: number,
    private readonly log: Logger,
  ) {}

  tick(now: number): void {
    this.updatePending(now);
    for (const id of this.blocks.takeChanged()) this.check(id);
    this.scheduleReplications(now);
  }

  /** Drops replications whose targets all hold the block, or that took too long. */
  private updatePending(now: number): void {
    for (const [id, pending] of this.pending) {
      const block = this.blocks.get(id);
      const done = !block || pending.targets.every((t) => block.replicas.has(t.id));
      if (done || now > pending.deadline) this.pending.delete(id);
      if (!done && block && now > pending.deadline) this.check(id);
    }
  }

  private check(id: number): void {
    const block = this.blocks.get(id);
    if (!block?.fileComplete) {
      this.needed.delete(id);
      return;
    }
    const good = block.goodReplicas();
    const expected = block.expectedReplication;
    if (good.length > expected) {
      const fullestFirst = good.sort((a, b) => a.datanode.remaining - b.datanode.remaining);
      for (const replica of fullestFirst.slice(0, good.length - expected)) {
        this.blocks.invalidate(block, replica.datanode);
        this.log.info({ block: formatBlockId(id), datanode: replica.datanode.id }, 'excess replica scheduled for deletion');
      }
    }
    if (good.length >= expected) {
      for (const replica of block.corruptReplicas()) {
        this.blocks.invalidate(block, replica.datanode);
        this.log.info({ block: formatBlockId(id), datanode: replica.datanode.id }, 'corrupt replica scheduled for deletion');
      }
    }
    // With no good replica the block is missing: nothing to copy from.
    if (good.length > 0 && good.length < expected) this.needed.add(id);
    else this.needed.delete(id);
  }

  private scheduleReplications(now: number): void {
    if (now < this.replicateFrom) return;
    const live = this.datanodes.live();
    const busy = new Map<string, number>();
    for (const { source } of this.pending.values()) busy.set(source.id, (busy.get(source.id) ?? 0) + 1);
    let capacity = live.length * MAX_REPLICATIONS_PER_SOURCE - this.pending.size;
    for (const id of this.needed) {
      if (capacity <= 0) break;
      const block = this.blocks.get(id);
      if (!block) {
        this.needed.delete(id);
        continue;
      }
      if (this.pending.has(id)) continue;
      const source = this.chooseSource(block, busy);
      if (!source) continue;
      const targets = chooseTargets(live, {
        count: block.expectedReplication - block.goodReplicas().length,
        excluded: new Set(block.replicas.keys()),
        blockSize: block.length,
      });
      if (targets.length === 0) continue;
      source.queueReplicate(id, targets);
      for (const node of [source, ...targets]) node.scheduledTransfers++;
      this.pending.set(id, { source, targets, deadline: now + PENDING_TIMEOUT_INTERVALS * this.heartbeatIntervalMs });
      busy.set(source.id, (busy.get(source.id) ?? 0) + 1);
      capacity--;
      this.log.info(
        { block: formatBlockId(id), source: source.id, targets: targets.map((t) => t.id) },
        'replication scheduled',
      );
    }
  }

  /** The least busy datanode with a good replica that may take another replication. */
  private chooseSource(block: BlockInfo, busy: ReadonlyMap<string, number>): DatanodeDescriptor | undefined {
    let best: DatanodeDescriptor | undefined;
    for (const { datanode } of block.goodReplicas()) {
      const count = busy.get(datanode.id) ?? 0;
      if (count < MAX_REPLICATIONS_PER_SOURCE && (!best || count < (busy.get(best.id) ?? 0))) best = datanode;
    }
    return best;
  }
}
