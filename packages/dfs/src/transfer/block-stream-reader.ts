// Reads a block range through a datanode's block stream (see block-stream.ts).
import { readFrameStream } from '@tsmr/common';
import type { ReadBlockOptions } from './block-reader';
import { BLOCK_STREAM, type BlockReadRequest } from './block-stream';

/**
 * The bytes of [offset, offset + length) of the block from the block stream at
 * `streamAddress`, in order; errors as ReadBlock's. Stopping the iteration early closes the connection.
 */
export function readBlockStream(options: ReadBlockOptions & { streamAddress: string }): AsyncGenerator<Buffer, void, undefined> {
  const { streamAddress, blockId, offset, length, secret, signal } = options;
  const request: BlockReadRequest = { op: 'read', blockId, offset, length, secret: secret ?? '' };
  return readFrameStream(streamAddress, BLOCK_STREAM, request, signal);
}
