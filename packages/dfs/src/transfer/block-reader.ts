// Reads a byte range of one block replica through its datanode's block stream (see
// block-stream.ts), as a stream of buffers.
import { UnavailableError, readFrameStream } from '@tsmr/common';
import { BLOCK_STREAM, type BlockReadRequest } from './block-stream';

export interface ReadBlockOptions {
  /** host:port of the DataTransfer gRPC service of the datanode holding the replica (short-circuit reads ask it). */
  address: string;
  /** host:port of that datanode's block stream. */
  streamAddress: string;
  blockId: string;
  offset: number;
  /** 0: to the end of the block. */
  length: number;
  secret?: string;
  /** Ends the read at once (the connection is closed). */
  signal?: AbortSignal;
}

/**
 * The bytes of [offset, offset + length) of the block, in order. Fails with the error the
 * datanode gave (NotFoundError, DataLossError for a corrupt replica...), or UNAVAILABLE
 * naming the stream address when the datanode cannot be reached or goes away. Stopping
 * the iteration early closes the connection.
 */
export async function* readBlock(options: ReadBlockOptions): AsyncGenerator<Buffer, void, undefined> {
  const { address, streamAddress, blockId, offset, length, secret, signal } = options;
  if (!streamAddress) throw new UnavailableError(`datanode ${address} has no block stream`);
  const request: BlockReadRequest = { op: 'read', blockId, offset, length, secret: secret ?? '' };
  yield* readFrameStream(streamAddress, BLOCK_STREAM, request, signal);
}
