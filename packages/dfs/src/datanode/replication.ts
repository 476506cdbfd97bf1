// Copies a local replica to other datanodes (a `replicate` command): a verified read of
// the whole block, written to the targets as a pipeline with the block's own chunk size.
import { DataLossError, type DatanodeInfo__Output } from '@tsmr/common';
import { BlockWriter } from '../transfer/block-writer';
import { allocateReadBuffer, readBufferSize } from './replica-reader';
import type { TransferContext } from './transfer-context';

export async function replicateBlock(context: TransferContext, blockId: string, targets: DatanodeInfo__Output[]): Promise<void> {
  const replica = await context.storage.openReplica(blockId);
  let writer: BlockWriter | undefined;
  try {
    writer = new BlockWriter({
      blockId,
      pipeline: targets,
      bytesPerChecksum: replica.bytesPerChecksum,
      clientName: `datanode-${context.datanodeId}`,
      secret: context.secret,
    });
    const bufferBytes = readBufferSize(replica.bytesPerChecksum);
    for (let position = 0; position < replica.length; ) {
      // A fresh buffer per read: the writer holds on to the bytes until they are acked.
      const data = await replica.read(position, replica.length, allocateReadBuffer(bufferBytes));
      await writer.write(data);
      position += data.length;
    }
    await writer.finish();
  } catch (err) {
    writer?.abort();
    if (err instanceof DataLossError) context.reportCorrupt(blockId, err.message);
    throw err;
  } finally {
    await replica.close();
  }
}
