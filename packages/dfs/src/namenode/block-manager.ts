// The block map (HDFS's BlockManager): every block of the namespace with its recorded
// length and expected replication, and where its replicas are. Replica locations live
// only here, in memory, rebuilt from datanodes' block reports.
//
// Every change to a block's replicas or expected replication puts it in `changed`, which
// the replication monitor drains, so periodic work is proportional to what changed.
import type { BadBlock__Output, Logger, ReportedBlock__Output } from '@tsmr/common';
import { formatBlockId } from '../block-id';
import type { DatanodeDescriptor, DatanodeManager } from './datanode-manager';
import type { StoredBlock, StoredBlockOfFile } from './namespace';
import { parseBlockId, requireBlockId } from './requests';

export interface Replica {
  datanode: DatanodeDescriptor;
  length: number;
  /** Reported bad, or of another length than the complete file's block. Never read or copied. */
  corrupt: boolean;
}

export class BlockInfo {
  /** By datanode id; only live datanodes' replicas are kept. */
  readonly replicas = new Map<string, Replica>();

  constructor(
    readonly id: number,
    /** Final length, known once the writer moved past the block. */
    public length: number,
    public expectedReplication: number,
    /** Blocks of files under construction are neither replicated nor counted for safe mode. */
    public fileComplete: boolean,
  ) {}

  goodReplicas(): Replica[] {
    return [...this.replicas.values()].filter((r) => !r.corrupt);
  }

  corruptReplicas(): Replica[] {
    return [...this.replicas.values()].filter((r) => r.corrupt);
  }

  hasGoodReplica(): boolean {
    for (const replica of this.replicas.values()) if (!replica.corrupt) return true;
    return false;
  }
}

export class BlockManager {
  private readonly blocks = new Map<number, BlockInfo>();
  private readonly changed = new Set<number>();
  /** Blocks of complete files, and those of them with a good replica: safe mode's counts. */
  private completeBlocks = 0;
  private reportedBlocks = 0;

  constructor(
    private readonly datanodes: DatanodeManager,
    private readonly log: Logger,
  ) {}

  get(id: number): BlockInfo | undefined {
    return this.blocks.get(id);
  }

  get completeBlockCount(): number {
    return this.completeBlocks;
  }

  get reportedBlockCount(): number {
    return this.reportedBlocks;
  }

  /** Blocks changed since the last call. */
  takeChanged(): number[] {
    const ids = [...this.changed];
    this.changed.clear();
    return ids;
  }

  // ---- the namespace's changes ----

  /** At startup: every block is checked once safe mode ends. */
  load(stored: Iterable<StoredBlockOfFile>): void {
    for (const b of stored) {
      this.blocks.set(b.id, new BlockInfo(b.id, b.length, b.replication, b.fileComplete));
      if (b.fileComplete) this.completeBlocks++;
      this.changed.add(b.id);
    }
  }

  /** A new block of a file under construction. */
  add(id: number, replication: number): void {
    this.blocks.set(id, new BlockInfo(id, 0, replication, false));
  }

  setLength(id: number, length: number): void {
    const block = this.blocks.get(id);
    if (block) block.length = length;
  }

  /** Whether some good replica has the block's recorded length (Complete waits for one). */
  hasReplicaOfRecordedLength(id: number): boolean {
    const block = this.blocks.get(id);
    return !!block && block.goodReplicas().some((r) => r.length === block.length);
  }

  /** The file's blocks became complete: replicas of another length are corrupt. */
  completeFile(stored: readonly StoredBlock[]): void {
    for (const { id, length } of stored) {
      const block = this.blocks.get(id);
      if (!block || block.fileComplete) continue;
      this.update(block, () => {
        block.length = length;
        block.fileComplete = true;
        this.completeBlocks++;
        for (const replica of block.replicas.values()) if (replica.length !== length) replica.corrupt = true;
      });
    }
  }

  setReplication(ids: readonly number[], replication: number): void {
    for (const id of ids) {
      const block = this.blocks.get(id);
      if (block) this.update(block, () => (block.expectedReplication = replication));
    }
  }

  /** Forgets blocks removed from the namespace and has their replicas deleted. */
  remove(ids: readonly number[]): void {
    for (const id of ids) {
      const block = this.blocks.get(id);
      if (!block) continue;
      for (const replica of [...block.replicas.values()]) this.invalidate(block, replica.datanode);
      if (block.fileComplete) this.completeBlocks--;
      this.blocks.delete(id);
      this.changed.delete(id);
    }
  }

  // ---- what datanodes and clients report ----

  /** A full block report: the datanode's replicas become exactly the reported ones. */
  processReport(node: DatanodeDescriptor, reported: readonly ReportedBlock__Output[]): void {
    const ids = new Set<number>();
    for (const r of reported) {
      const id = this.addReplica(node, r);
      if (id !== undefined) ids.add(id);
    }
    for (const id of [...node.blocks]) if (!ids.has(id)) this.removeReplica(node, id);
  }

  /** An incremental report: replicas finalized (or copied) on a datanode, and deleted ones. */
  blockReceived(node: DatanodeDescriptor, received: readonly ReportedBlock__Output[], deleted: readonly string[]): void {
    for (const r of received) this.addReplica(node, r);
    for (const blockId of deleted) {
      const id = parseBlockId(blockId);
      if (id !== undefined) this.removeReplica(node, id);
    }
  }

  /**
   * Bad replicas reported by a datanode's scanner or a reading client. A malformed block
   * id rejects the whole report; unknown blocks and datanodes are skipped.
   */
  reportBadBlocks(bad: readonly BadBlock__Output[]): void {
    const parsed = bad.map((b, i) => ({ ...b, id: requireBlockId(b.blockId, `blocks[${i}].block_id`) }));
    for (const { id, blockId, datanodeId, reason } of parsed) {
      const block = this.blocks.get(id);
      const node = this.datanodes.getLive(datanodeId);
      if (!block || !node) continue;
      this.log.info({ block: blockId, datanode: datanodeId, reason }, 'corrupt replica reported');
      const replica = block.replicas.get(node.id);
      this.update(block, () => {
        // An unreported replica is recorded too, so that it gets deleted.
        if (replica) replica.corrupt = true;
        else this.attach(block, { datanode: node, length: block.length, corrupt: true });
      });
    }
  }

  /** A dead datanode's replicas no longer count. */
  removeDatanode(node: DatanodeDescriptor): void {
    for (const id of [...node.blocks]) this.removeReplica(node, id);
  }

  /** Removes one replica from the map and queues its deletion on the datanode. */
  invalidate(block: BlockInfo, node: DatanodeDescriptor): void {
    this.update(block, () => {
      block.replicas.delete(node.id);
      node.blocks.delete(block.id);
    });
    node.queueInvalidate(block.id);
  }

  private addReplica(node: DatanodeDescriptor, reported: ReportedBlock__Output): number | undefined {
    const id = parseBlockId(reported.blockId);
    if (id === undefined) {
      this.log.warn({ datanode: node.id, block: reported.blockId.slice(0, 100) }, 'datanode reported a malformed block id');
      return undefined;
    }
    if (node.isQueuedForDeletion(id)) return id;
    const block = this.blocks.get(id);
    if (!block) {
      // Belongs to no file (deleted or abandoned): delete it wherever it turns up.
      node.queueInvalidate(id);
      return id;
    }
    const mismatch = block.fileComplete && reported.length !== block.length;
    if (mismatch) {
      this.log.info({ block: formatBlockId(id), datanode: node.id, length: reported.length, expected: block.length }, 'replica of the wrong length is corrupt');
    }
    const replica = block.replicas.get(node.id);
    if (replica && replica.length === reported.length && (replica.corrupt || !mismatch)) return id;
    this.update(block, () => {
      if (replica) {
        replica.length = reported.length;
        replica.corrupt ||= mismatch;
      } else {
        this.attach(block, { datanode: node, length: reported.length, corrupt: mismatch });
      }
    });
    return id;
  }

  private removeReplica(node: DatanodeDescriptor, id: number): void {
    node.blocks.delete(id);
    const block = this.blocks.get(id);
    if (block?.replicas.has(node.id)) this.update(block, () => block.replicas.delete(node.id));
  }

  private attach(block: BlockInfo, replica: Replica): void {
    block.replicas.set(replica.datanode.id, replica);
    replica.datanode.blocks.add(block.id);
  }

  /** Applies a change to a block, keeping the safe-mode count and the changed set. */
  private update(block: BlockInfo, change: () => void): void {
    const wasReported = block.fileComplete && block.hasGoodReplica();
    change();
    const isReported = block.fileComplete && block.hasGoodReplica();
    if (wasReported !== isReported) this.reportedBlocks += isReported ? 1 : -1;
    this.changed.add(block.id);
  }
}
