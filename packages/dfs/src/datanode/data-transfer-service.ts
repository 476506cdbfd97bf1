// A datanode's transfers: block writes (BlockReceiver) and reads (BlockSender) over the
// block stream, ReadBlock and GetReplicaPath (for short-circuit readers on this machine)
// over the DataTransfer gRPC service, counting the transfers in progress for heartbeats.
import type { AsyncHandlers, FrameSink, FrameSource } from '@tsmr/common';
import type { BlockStreamRequest } from '../transfer/block-stream';
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
      ReadBlock: (call) => this.readBlock(call.request, readBlockCallSink(call)),
      GetReplicaPath: (request) => this.context.storage.replicaPath(request.blockId),
    };
  }

  /** Serves a request of the block stream. */
  serveBlockStream(request: BlockStreamRequest, sink: FrameSink, source: FrameSource): Promise<void> {
    if (request.op === 'read') return this.readBlock(request, sink);
    return this.counted(() => new BlockReceiver(request, sink, source, this.context).run());
  }

  /** Serves a block read, over gRPC or the block stream. */
  private readBlock(range: BlockRange, sink: FrameSink): Promise<void> {
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
