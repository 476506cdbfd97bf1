// DfsInputStream: reads a byte range of a file block by block. Each block is read from
// its replicas in the namenode's order (local first); when a replica fails mid-block (an
// error, a bad checksum, a dead datanode) the read resumes at the same byte on the next.
import { Readable } from 'node:stream';
import { DataLossError, type LocatedBlock__Output, type Logger } from '@tsmr/common';
import { readBlock } from '../transfer/block-reader';
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
  secret?: string;
  log?: Logger;
}

export function openFile(options: FileReaderOptions): Readable {
  return Readable.from(readRange(options), { objectMode: false, highWaterMark: 4 * 1024 * 1024 });
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
    for (const replica of block.locations) {
      try {
        for await (const chunk of readBlock({
          address: replica.address,
          blockId: block.blockId,
          offset: position - block.offset,
          length: blockEnd - position,
          secret: options.secret,
        })) {
          position += chunk.length;
          yield chunk;
        }
        if (position >= blockEnd) break;
        failures.push(`${replica.address}: ended early`);
      } catch (err) {
        failures.push(`${replica.address}: ${(err as Error).message}`);
        options.log?.warn({ path, blockId: block.blockId, datanode: replica.datanodeId, err }, 'replica read failed');
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

function unreadable(path: string, block: LocatedBlock__Output, failures: string[]): DataLossError {
  if (block.locations.length === 0) return new DataLossError(`${path}: ${block.blockId} has no live replica`);
  return new DataLossError(`${path}: could not read ${block.blockId} from any replica (${failures.join('; ')})`);
}
