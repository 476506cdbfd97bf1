// A replica being received (HDFS's ReplicaInPipeline): block bytes and CRCs written into
// tmp/ at the offsets the packets name. The block storage renames it into current/.
//
// No fsync per packet: every packet is on several datanodes before it is acked, and a
// sync per packet would bound the pipeline by disk latency (HDFS does not sync either
// unless the writer asks). A replica lost in a machine crash is re-replicated.
import { AlreadyExistsError } from '@tsmr/common';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { CHECKSUM_BYTES, META_HEADER_BYTES, encodeMetaHeader } from '../transfer/checksum';

export class ReplicaWriter {
  private constructor(
    readonly blockId: string,
    readonly bytesPerChecksum: number,
    readonly dataPath: string,
    readonly metaPath: string,
    private readonly data: FileHandle,
    private readonly meta: FileHandle,
  ) {}

  /** Creates the tmp files; ALREADY_EXISTS if this block is already being received. */
  static async create(blockId: string, bytesPerChecksum: number, dataPath: string, metaPath: string): Promise<ReplicaWriter> {
    const files: FileHandle[] = [];
    try {
      files.push(await open(metaPath, 'wx'));
      files.push(await open(dataPath, 'wx'));
    } catch (err) {
      await Promise.all(files.map((f) => f.close()));
      if (files.length > 0) await rm(metaPath, { force: true });
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AlreadyExistsError(`${blockId} is already being written here`);
      throw err;
    }
    const [meta, data] = files as [FileHandle, FileHandle];
    const replica = new ReplicaWriter(blockId, bytesPerChecksum, dataPath, metaPath, data, meta);
    await meta.write(encodeMetaHeader(bytesPerChecksum), 0, META_HEADER_BYTES, 0).catch(async (err: unknown) => {
      await replica.discard();
      throw err;
    });
    return replica;
  }

  /** Writes the bytes at `offset` (a chunk boundary) and their CRCs. */
  async write(offset: number, data: Buffer, checksums: Buffer): Promise<void> {
    const checksumPosition = META_HEADER_BYTES + (offset / this.bytesPerChecksum) * CHECKSUM_BYTES;
    await Promise.all([writeFully(this.data, data, offset), writeFully(this.meta, checksums, checksumPosition)]);
  }

  async close(): Promise<void> {
    await Promise.all([this.data.close(), this.meta.close()]);
  }

  /** Closes and deletes the tmp files. */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await Promise.all([rm(this.dataPath, { force: true }), rm(this.metaPath, { force: true })]);
  }
}

async function writeFully(file: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesWritten } = await file.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
}
