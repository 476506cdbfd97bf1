// Reads a byte range of one block replica from a datanode, as a stream of buffers.
import { fromServiceError, isServiceError, secretMetadata } from '@tsmr/common';
import { dataTransferClient } from './clients';

export interface ReadBlockOptions {
  /** host:port of the datanode holding the replica. */
  address: string;
  blockId: string;
  offset: number;
  /** 0: to the end of the block. */
  length: number;
  secret?: string;
  /** Ends the read at once (the call is cancelled). */
  signal?: AbortSignal;
}

/**
 * The bytes of [offset, offset + length) of the block, in order. Fails with the error the
 * datanode gave (NotFoundError, DataLossError for a corrupt replica, UnavailableError...).
 * Stopping the iteration early cancels the call.
 */
export async function* readBlock(options: ReadBlockOptions): AsyncGenerator<Buffer, void, undefined> {
  const { address, blockId, offset, length, secret, signal } = options;
  signal?.throwIfAborted();
  const call = dataTransferClient(address).ReadBlock({ blockId, offset, length }, secretMetadata(secret));
  const cancel = () => call.cancel();
  signal?.addEventListener('abort', cancel);
  try {
    for await (const chunk of call as AsyncIterable<{ data: Buffer }>) yield chunk.data;
  } catch (err) {
    signal?.throwIfAborted();
    throw isServiceError(err) ? fromServiceError(err, `datanode ${address}`) : err;
  } finally {
    signal?.removeEventListener('abort', cancel);
    call.cancel();
  }
}

export { closeTransferClients } from './clients';
