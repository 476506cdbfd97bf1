// Short-circuit local reads (HDFS's legacy BlockReaderLocal, HDFS-2246): a block with a
// replica on the datanode beside this client is read straight from that replica's files,
// instead of being streamed by the datanode, which only says where the files are
// (GetReplicaPath, over gRPC). Every chunk is still verified against the meta file, by the
// datanode's own ReplicaReader. Any failure is thrown: the caller then reads the same
// replica through the datanode, which reports a bad checksum as corrupt.
import { status } from '@grpc/grpc-js';
import { NotFoundError, TsmrError, fromServiceError, isServiceError, secretMetadata, type ReplicaPath__Output } from '@tsmr/common';
import { open, type FileHandle } from 'node:fs/promises';
import { ReplicaReader, allocateReadBuffer, readBufferSize } from '../datanode/replica-reader';
import type { ReadBlockOptions } from '../transfer/block-reader';
import { dataTransferClient } from '../transfer/clients';

const GET_REPLICA_PATH_TIMEOUT_MS = 5000;

/**
 * The bytes of [offset, offset + length) of the block, read from the local replica's files
 * in chunks of up to 4 MiB, each in a buffer of its own (the caller may keep it), with
 * the next read from disk running while the caller handles the current chunk. Given
 * `into` (room for the whole range), the chunks are read straight into it and yielded as
 * views of it, when the range lies on checksum chunk boundaries (as whole blocks do).
 */
export async function* readLocalBlock(options: ReadBlockOptions, into?: Buffer): AsyncGenerator<Buffer, void, undefined> {
  const { blockId, offset, length } = options;
  const located = await getReplicaPath(options);
  const replica = await openReplica(located, blockId);
  let reading: Promise<Buffer> | undefined;
  try {
    const end = length === 0 ? replica.length : offset + length;
    if (offset > replica.length || end > replica.length) {
      throw new TsmrError(status.OUT_OF_RANGE, `${blockId}: bytes [${offset}, ${end}) are past its end (${replica.length} bytes)`);
    }
    const { bytesPerChecksum } = replica;
    const bufferBytes = readBufferSize(bytesPerChecksum);
    const aligned = (n: number) => n % bytesPerChecksum === 0 || n === replica.length;
    const direct = into !== undefined && aligned(offset) && aligned(end);
    /** Room for the whole chunks covering [position, end), at most bufferBytes (a one-byte read needs one chunk). */
    const roomFor = (position: number) =>
      Math.min(bufferBytes, Math.ceil((end - (position - (position % bytesPerChecksum))) / bytesPerChecksum) * bytesPerChecksum);
    const bufferAt = (position: number) =>
      direct ? into.subarray(position - offset, Math.min(position - offset + bufferBytes, end - offset)) : allocateReadBuffer(roomFor(position));
    const readFrom = (position: number) => replica.read(position, end, bufferAt(position));
    for (let position = offset; position < end; ) {
      options.signal?.throwIfAborted();
      const data = await (reading ?? readFrom(position));
      position += data.length;
      reading = position < end ? readFrom(position) : undefined;
      reading?.catch(() => undefined); // observed on the next turn, unless the caller stops first
      yield data;
    }
  } finally {
    await reading?.catch(() => undefined);
    await replica.close();
  }
}

/** Asks the datanode where its finalized replica of the block lies. */
export function getReplicaPath({ address, blockId, secret }: Pick<ReadBlockOptions, 'address' | 'blockId' | 'secret'>): Promise<ReplicaPath__Output> {
  return new Promise((resolve, reject) => {
    dataTransferClient(address).GetReplicaPath(
      { blockId },
      secretMetadata(secret),
      { deadline: Date.now() + GET_REPLICA_PATH_TIMEOUT_MS },
      (err, reply) => {
        if (err) reject(isServiceError(err) ? fromServiceError(err, `datanode ${address}`) : err);
        else resolve(reply!);
      },
    );
  });
}

/** Opens the replica's files; NotFoundError if they are gone (deleted or moved since). */
async function openReplica(located: ReplicaPath__Output, blockId: string): Promise<ReplicaReader> {
  const files: FileHandle[] = [];
  try {
    files.push(await open(located.dataPath, 'r'));
    files.push(await open(located.metaPath, 'r'));
  } catch (err) {
    await Promise.all(files.map((f) => f.close()));
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`${blockId}: the local replica is gone (${located.dataPath})`);
    throw err;
  }
  const replica = await ReplicaReader.open(blockId, files[0]!, files[1]!);
  if (replica.length !== located.length || replica.bytesPerChecksum !== located.bytesPerChecksum) {
    await replica.close();
    throw new NotFoundError(`${blockId}: the local replica at ${located.dataPath} is not the one the datanode described`);
  }
  return replica;
}
