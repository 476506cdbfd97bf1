// The DataTransfer service of a datanode: WriteBlock (BlockReceiver) and ReadBlock
// (BlockSender), counting the transfers in progress for heartbeats (block stream reads
// too), and GetReplicaPath for short-circuit readers on this machine.
import type { AsyncHandlers, FrameSink } from '@tsmr/common';
import type { DataTransferServerHandlers } from '../transfer/encoded-messages';
import { BlockReceiver } from './block-receiver';
import { readBlockCallSink, sendBlock, type BlockRange } from './block-sender';
import type { TransferContext } from './transfer-context';

export class DataTransferService {
  private active = 0;

  constructor(private readonly context: TransferContext) {}

  /** Block reads and writes in progress. */
  get activeTransfers(): number {
    return this.active;
  }

  handlers(): AsyncHandlers<DataTransferServerHandlers> {
    return {
      WriteBlock: (call) => this.counted(() => new BlockReceiver(call, this.context).run()),
      ReadBlock: (call) => this.readBlock(call.request, readBlockCallSink(call)),
      GetReplicaPath: (request) => this.context.storage.replicaPath(request.blockId),
    };
  }

  /** Serves a block read, over gRPC or the block stream. */
  readBlock(range: BlockRange, sink: FrameSink): Promise<void> {
    return this.counted(() => sendBlock(range, sink, this.context));
  }

  private async counted(transfer: () => Promise<void>): Promise<void> {
    this.active++;
    try {
      await transfer();
    } finally {
      this.active--;
    }
  }
}
