// DfsInputStream: reads a byte range of a file block by block. Each block is read from
// its replicas in the namenode's order (local first); when a replica fails mid-block (an
// error, a bad checksum, a dead datanode) the read resumes at the same byte on the next.
// A replica on the client's own datanode is read short-circuit (from its files) when
// allowed; if that fails, the same replica is read through its datanode before the next.
// Through a datanode means its block stream (TCP).
import { Readable } from 'node:stream';
import { DataLossError, type DatanodeInfo__Output, type LocatedBlock__Output, type Logger } from '@tsmr/common';
import { readBlock, type ReadBlockOptions } from '../transfer/block-reader';
import { readLocalBlock } from './local-block-reader';
import type { ClientProtocolApi } from './namenode-client';

/** Times the block list is fetched afresh when every replica of a block failed. */
const LOCATION_REFRESHES = 3;

export interface FileReaderOptions {
  api: ClientProtocolApi;
  path: string;
  offset: number;
  /** Bytes to read; undefined = to the end of the file. */
  length?: number;
  clientDatanode?: string;
  /** Read replicas on clientDatanode from their files. */
  shortCircuit: boolean;
  statistics: ReadStatistics;
  /** Room for the whole range: the bytes land here (short-circuit reads straight from disk) and are yielded as views of it. */
  into?: Buffer;
  /** Ends the read: a remote block read is cancelled at once, a local one after its current pread. */
  signal?: AbortSignal;
  secret?: string;
  log?: Logger;
}

/** Bytes read, and how many of them short-circuit (HDFS's ReadStatistics). */
export interface ReadStatistics {
  bytesRead: number;
  shortCircuitBytesRead: number;
}

interface ReplicaSource {
  replica: DatanodeInfo__Output;
  shortCircuit: boolean;
}

export function openFile(options: FileReaderOptions): Readable {
  return Readable.from(readRange(options), { objectMode: false, highWaterMark: 4 * 1024 * 1024 });
}

/** Reads the range into `options.into`; returns the number of bytes read (fewer at the end of the file). */
export async function readFileInto(options: FileReaderOptions & { into: Buffer }): Promise<number> {
  let bytes = 0;
  for await (const chunk of readRange(options)) bytes += chunk.length;
  return bytes;
}

async function* readRange(options: FileReaderOptions): AsyncGenerator<Buffer> {
  const { api, path, offset, clientDatanode = '' } = options;
  const located = await api.GetBlockLocations({ path, offset, length: options.length ?? 0, clientDatanode });
  const fileLength = located.file?.length ?? 0;
  const end = Math.min(fileLength, options.length === undefined ? fileLength : offset + options.length);
  let position = offset;
  let blocks = located.blocks;
  let refreshes = 0;
  while (position < end) {
    const block = blocks.find((b) => b.offset <= position && position < b.offset + b.length);
    if (!block) throw new DataLossError(`${path}: no block holds byte ${position}`);
    const blockEnd = Math.min(block.offset + block.length, end);
    const failures: string[] = [];
    for (const { replica, shortCircuit } of sources(block, options)) {
      const where = shortCircuit ? `${replica.address} (short-circuit)` : replica.address;
      try {
        const request: ReadBlockOptions = {
          address: replica.address,
          streamAddress: replica.streamAddress,
          blockId: block.blockId,
          offset: position - block.offset,
          length: blockEnd - position,
          secret: options.secret,
          signal: options.signal,
        };
        const into = options.into?.subarray(position - offset, blockEnd - offset);
        for await (const read of shortCircuit ? readLocalBlock(request, into) : readBlock(request)) {
          const chunk = options.into === undefined || isAt(read, options.into, position - offset) ? read : copyInto(options.into, position - offset, read);
          position += chunk.length;
          options.statistics.bytesRead += chunk.length;
          if (shortCircuit) options.statistics.shortCircuitBytesRead += chunk.length;
          yield chunk;
        }
        if (position >= blockEnd) break;
        failures.push(`${where}: ended early`);
      } catch (err) {
        options.signal?.throwIfAborted(); // not a replica's fault: no other to try
        failures.push(`${where}: ${(err as Error).message}`);
        const message = shortCircuit ? 'short-circuit read failed; reading through the datanode' : 'replica read failed';
        options.log?.warn({ path, blockId: block.blockId, datanode: replica.datanodeId, err }, message);
      }
    }
    if (position >= blockEnd) {
      refreshes = 0;
      continue;
    }
    if (refreshes++ >= LOCATION_REFRESHES) throw unreadable(path, block, failures);
    // Every listed replica failed: the namenode may know of new ones (re-replication).
    await new Promise((resolve) => setTimeout(resolve, 200 * refreshes));
    blocks = (await api.GetBlockLocations({ path, offset: position, length: end - position, clientDatanode })).blocks;
  }
}

/** Whether the chunk was read in place: it is the view of `into` from `at`. */
function isAt(chunk: Buffer, into: Buffer, at: number): boolean {
  return chunk.buffer === into.buffer && chunk.byteOffset === into.byteOffset + at;
}

/** Bytes that did not land in `into` are copied there. */
function copyInto(into: Buffer, at: number, chunk: Buffer): Buffer {
  chunk.copy(into, at);
  return into.subarray(at, at + chunk.length);
}

/** The ways to read a block, in order: each replica, the local one short-circuit first if allowed. */
function sources(block: LocatedBlock__Output, options: FileReaderOptions): ReplicaSource[] {
  return block.locations.flatMap((replica) =>
    options.shortCircuit && replica.datanodeId === options.clientDatanode
      ? [{ replica, shortCircuit: true }, { replica, shortCircuit: false }]
      : [{ replica, shortCircuit: false }],
  );
}

function unreadable(path: string, block: LocatedBlock__Output, failures: string[]): DataLossError {
  if (block.locations.length === 0) return new DataLossError(`${path}: ${block.blockId} has no live replica`);
  return new DataLossError(`${path}: could not read ${block.blockId} from any replica (${failures.join('; ')})`);
}
