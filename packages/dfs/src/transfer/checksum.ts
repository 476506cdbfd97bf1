// Block checksums: a CRC32C of every `bytesPerChecksum` chunk of a block, stored as
// big-endian u32s, in packets on the wire and in the replica's meta file on disk.
import { crc32c } from '@node-rs/crc32';
import { DataLossError } from '@tsmr/common';

export const CHECKSUM_BYTES = 4;

/** Meta file header: magic "TSMC", then u32 BE bytes_per_checksum. */
export const META_HEADER_BYTES = 8;
const META_MAGIC = Buffer.from('TSMC', 'latin1');

/** Number of chunks (and so of CRCs) covering `length` bytes. */
export function chunkCount(length: number, bytesPerChecksum: number): number {
  return Math.ceil(length / bytesPerChecksum);
}

/** The CRC32C of every chunk of `data` (data[0] starts a chunk; the last may be partial). */
export function computeChecksums(data: Buffer, bytesPerChecksum: number): Buffer {
  const count = chunkCount(data.length, bytesPerChecksum);
  const checksums = Buffer.allocUnsafe(count * CHECKSUM_BYTES);
  for (let i = 0; i < count; i++) {
    const start = i * bytesPerChecksum;
    checksums.writeUInt32BE(crc32c(data.subarray(start, start + bytesPerChecksum)), i * CHECKSUM_BYTES);
  }
  return checksums;
}

/**
 * Checks `data`, which starts on a chunk boundary at `blockOffset` of `blockId`, against
 * one CRC per chunk. Throws DataLossError naming the first bad chunk.
 */
export function verifyChecksums(
  data: Buffer,
  checksums: Buffer,
  bytesPerChecksum: number,
  blockId: string,
  blockOffset: number,
): void {
  const count = chunkCount(data.length, bytesPerChecksum);
  if (checksums.length !== count * CHECKSUM_BYTES) {
    throw new DataLossError(
      `${blockId}: ${checksums.length / CHECKSUM_BYTES} checksums for ${count} chunks at offset ${blockOffset}`,
    );
  }
  for (let i = 0; i < count; i++) {
    const start = i * bytesPerChecksum;
    if (crc32c(data.subarray(start, start + bytesPerChecksum)) !== checksums.readUInt32BE(i * CHECKSUM_BYTES)) {
      throw new DataLossError(`${blockId}: checksum mismatch in the chunk at offset ${blockOffset + start}`);
    }
  }
}

export function encodeMetaHeader(bytesPerChecksum: number): Buffer {
  const header = Buffer.alloc(META_HEADER_BYTES);
  META_MAGIC.copy(header, 0);
  header.writeUInt32BE(bytesPerChecksum, 4);
  return header;
}

/** The bytes_per_checksum recorded in a meta header; DataLossError if it is not one. */
export function decodeMetaHeader(header: Buffer, blockId: string): number {
  const bytesPerChecksum = header.length === META_HEADER_BYTES ? header.readUInt32BE(4) : 0;
  if (!header.subarray(0, 4).equals(META_MAGIC) || bytesPerChecksum === 0) {
    throw new DataLossError(`${blockId}: the meta file has no valid header`);
  }
  return bytesPerChecksum;
}
