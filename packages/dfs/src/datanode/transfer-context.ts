// What the DataTransfer handlers and the namenode link share on one datanode.
import type { Logger } from '@tsmr/common';
import type { BlockStorage } from './storage';

export interface TransferContext {
  storage: BlockStorage;
  datanodeId: string;
  /** Cluster secret, sent when this datanode writes to other datanodes. */
  secret?: string;
  log: Logger;
  /** The cluster's bytes per checksum once the namenode has told us. */
  clusterBytesPerChecksum(): number | undefined;
  /** Tells the namenode a replica is finalized here; resolves once it knows (or we stop waiting). */
  blockReceived(blockId: string, length: number): Promise<void>;
  /** Marks a replica corrupt (no longer served) and reports it to the namenode, once. */
  reportCorrupt(blockId: string, reason: string): void;
}
