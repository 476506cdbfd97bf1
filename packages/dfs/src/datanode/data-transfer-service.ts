// A datanode's transfers: block writes (BlockReceiver) and reads (BlockSender) over the
// block stream, counted for heartbeats, and GetReplicaPath (for short-circuit readers on
// this machine) over the DataTransfer gRPC service.
import type { AsyncHandlers, DataTransferHandlers, FrameSink, FrameSource } from '@tsmr/common';
import type { BlockStreamRequest } from '../transfer/block-stream';
import { BlockReceiver } from './block-receiver';
import { sendBlock } from './block-sender';
import type { TransferContext } from './transfer-context';

export class DataTransferService {
  private active = 0;

  constructor(private readonly context: TransferContext) {}

  /** Block reads and writes in progress. */
  get activeTransfers(): number {
    return this.active;
  }

  handlers(): AsyncHandlers<DataTransferHandlers> {
    return {
      GetReplicaPath: (request) => this.context.storage.replicaPath(request.blockId),
    };
  }

  /** Serves a request of the block stream: a block read or write. */
  serveBlockStream(request: BlockStreamRequest, sink: FrameSink, source: FrameSource): Promise<void> {
    if (request.op === 'read') return this.counted(() => sendBlock(request, sink, this.context));
    return this.counted(() => new BlockReceiver(request, sink, source, this.context).run());
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
