// Serves one ReadBlock call (HDFS's BlockSender): reads the chunks covering the range in
// large aligned reads, verifies them, and streams the exact range, one message per read
// (encoded in place in the read buffer). Three read buffers take turns, so the next read
// from disk runs while the current buffer is being sent: a buffer is reused only once
// gRPC has taken its message, which also holds the reads back to the pace of the reader
// (backpressure).
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import {
  DataLossError,
  InvalidArgumentError,
  TsmrError,
  UnavailableError,
  type ReadBlockRequest__Output,
} from '@tsmr/common';
import { checkBlockId } from '../block-id';
import { encodeReadChunkInPlace } from '../transfer/encoded-messages';
import { allocateReadBuffer, readBufferSize, type ReplicaReader } from './replica-reader';
import type { TransferContext } from './transfer-context';

type ReadBlockCall = ServerWritableStream<ReadBlockRequest__Output, Buffer>;

export async function sendBlock(call: ReadBlockCall, context: TransferContext): Promise<void> {
  const { blockId, offset, length } = call.request;
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
    await sendRange(call, replica, offset, end);
  } catch (err) {
    if (err instanceof DataLossError) context.reportCorrupt(blockId, err.message);
    throw err;
  } finally {
    await replica?.close();
  }
}

async function sendRange(call: ReadBlockCall, replica: ReplicaReader, start: number, end: number): Promise<void> {
  if (start === end) {
    call.end();
    return;
  }
  const cancelled = new Promise<never>((_, reject) =>
    call.on('cancelled', () => reject(new UnavailableError(`${replica.blockId}: the reader cancelled`))),
  );
  cancelled.catch(() => undefined);
  const { bytesPerChecksum } = replica;
  const alignedSpan = Math.ceil(end / bytesPerChecksum) * bytesPerChecksum - (start - (start % bytesPerChecksum));
  const bufferBytes = Math.min(readBufferSize(bytesPerChecksum), alignedSpan);
  const buffers = [allocateReadBuffer(bufferBytes), allocateReadBuffer(bufferBytes), allocateReadBuffer(bufferBytes)];
  const sent = buffers.map(() => Promise.resolve());
  let turn = 0;
  let reading = replica.read(start, end, buffers[turn]!);
  for (let position = start; position < end; ) {
    reading.catch(() => undefined); // observed below, unless the reader cancels first
    const data = await Promise.race([reading, cancelled]);
    position += data.length;
    const next = (turn + 1) % buffers.length;
    if (position < end) {
      await Promise.race([sent[next], cancelled]);
      reading = replica.read(position, end, buffers[next]!);
    }
    sent[turn] = sendChunk(call, data);
    turn = next;
  }
  await Promise.race([Promise.all(sent), cancelled]);
  call.end();
}

/** Writes `data` (a view of a read buffer) as one ReadChunk; resolves once gRPC has taken it. */
function sendChunk(call: ReadBlockCall, data: Buffer): Promise<void> {
  const sent = new Promise<void>((resolve, reject) => {
    call.write(encodeReadChunkInPlace(data), (err: unknown) => (err ? reject(err) : resolve()));
  });
  sent.catch(() => undefined); // observed when its buffer is next needed
  return sent;
}
