// Fsck: the health of every block of the complete files under a path, from the block map.
import { BlockHealth, ReplicaState, type FsckBlock, type FsckFile, type FsckReport } from '@tsmr/common';
import { formatBlockId } from '../block-id';
import type { BlockManager } from './block-manager';
import type { DatanodeManager } from './datanode-manager';
import type { Namespace } from './namespace';

type Health = (typeof BlockHealth)[keyof typeof BlockHealth];

function health(live: number, corrupt: number, expected: number): Health {
  if (live === 0) return BlockHealth.MISSING;
  if (live < expected) return BlockHealth.UNDER_REPLICATED;
  if (live > expected) return BlockHealth.OVER_REPLICATED;
  if (corrupt > 0) return BlockHealth.CORRUPT_REPLICAS;
  return BlockHealth.HEALTHY;
}

export function fsck(namespace: Namespace, blocks: BlockManager, datanodes: DatanodeManager, path: string): FsckReport {
  const counts = { total: 0, healthy: 0, under: 0, over: 0, missing: 0, corruptReplicas: 0 };
  const files: FsckFile[] = namespace.files(path).map(({ path: filePath, inode }) => ({
    path: filePath,
    length: inode.length,
    replication: inode.replication,
    blocks: namespace.blocks(inode.id).map(({ id, length }): FsckBlock => {
      const replicas = [...(blocks.get(id)?.replicas.values() ?? [])];
      const corrupt = replicas.filter((r) => r.corrupt).length;
      const live = replicas.length - corrupt;
      const blockHealth = health(live, corrupt, inode.replication);
      counts.total++;
      counts.corruptReplicas += corrupt;
      if (blockHealth === BlockHealth.HEALTHY) counts.healthy++;
      if (blockHealth === BlockHealth.UNDER_REPLICATED) counts.under++;
      if (blockHealth === BlockHealth.OVER_REPLICATED) counts.over++;
      if (blockHealth === BlockHealth.MISSING) counts.missing++;
      return {
        blockId: formatBlockId(id),
        length,
        expectedReplicas: inode.replication,
        liveReplicas: live,
        health: blockHealth,
        replicas: replicas.map((r) => ({ datanode: r.datanode.info, state: r.corrupt ? ReplicaState.CORRUPT : ReplicaState.LIVE })),
      };
    }),
  }));
  const all = datanodes.all();
  const liveDatanodes = all.filter((node) => node.live).length;
  return {
    files,
    totalBlocks: counts.total,
    healthyBlocks: counts.healthy,
    underReplicatedBlocks: counts.under,
    missingBlocks: counts.missing,
    corruptReplicas: counts.corruptReplicas,
    overReplicatedBlocks: counts.over,
    liveDatanodes,
    deadDatanodes: all.length - liveDatanodes,
    healthy: counts.missing === 0 && counts.under === 0 && counts.corruptReplicas === 0,
  };
}
