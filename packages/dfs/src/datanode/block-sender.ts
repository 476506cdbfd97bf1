// Serves one block read over the block stream (HDFS's BlockSender): reads the chunks
// covering the range in large aligned reads, verifies them, and sends the exact range,
// one DATA frame per read, through the stream's FrameSink. Three read buffers take turns,
// so the next read from disk runs while the current buffer is being sent: a buffer is
// reused only once the socket has taken its frame, which also holds the reads back to the
// pace of the reader (backpressure).
import { status } from '@grpc/grpc-js';
import { DataLossError, InvalidArgumentError, TsmrError, type FrameSink } from '@tsmr/common';
import { checkBlockId } from '../block-id';
import { allocateReadBuffer, readBufferSize, type ReplicaReader } from './replica-reader';
import type { TransferContext } from './transfer-context';

export interface BlockRange {
  blockId: string;
  offset: number;
  /** 0: to the end of the block. */
  length: number;
}

export async function sendBlock({ blockId, offset, length }: BlockRange, sink: FrameSink, context: TransferContext): Promise<void> {
  checkBlockId(blockId);
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new InvalidArgumentError(`${blockId}: cannot read ${length} bytes at offset ${offset}`);
  }
  let replica: ReplicaReader | undefined;
  try {
    replica = await context.storage.openReplica(blockId);
    const end = length === 0 ? replica.length : offset + length;
    if (offset > replica.length || end > replica.length) {
      throw new TsmrError(status.OUT_OF_RANGE, `${blockId}: bytes [${offset}, ${end}) are past its end (${replica.length} bytes)`);
    }
    await sendRange(sink, replica, offset, end);
  } catch (err) {
    if (err instanceof DataLossError) context.reportCorrupt(blockId, err.message);
    throw err;
  } finally {
    await replica?.close();
  }
}

async function sendRange(sink: FrameSink, replica: ReplicaReader, start: number, end: number): Promise<void> {
  if (start === end) {
    sink.end();
    return;
  }
  const { gone } = sink;
  const { bytesPerChecksum } = replica;
  const alignedSpan = Math.ceil(end / bytesPerChecksum) * bytesPerChecksum - (start - (start % bytesPerChecksum));
  const bufferBytes = Math.min(readBufferSize(bytesPerChecksum), alignedSpan);
  const buffers = [allocateReadBuffer(bufferBytes), allocateReadBuffer(bufferBytes), allocateReadBuffer(bufferBytes)];
  const sent = buffers.map(() => Promise.resolve());
  let turn = 0;
  let reading = replica.read(start, end, buffers[turn]!);
  for (let position = start; position < end; ) {
    reading.catch(() => undefined); // observed below, unless the reader goes first
    const data = await Promise.race([reading, gone]);
    position += data.length;
    const next = (turn + 1) % buffers.length;
    if (position < end) {
      await Promise.race([sent[next], gone]);
      reading = replica.read(position, end, buffers[next]!);
    }
    sent[turn] = sink.send(data);
    sent[turn]!.catch(() => undefined); // observed when its buffer is next needed
    turn = next;
  }
  await Promise.race([Promise.all(sent), gone]);
  sink.end();
}
