import { DataLossError } from '@tsmr/common';
import { crc32c } from '@node-rs/crc32';
import {
  META_HEADER_BYTES,
  chunkCount,
  computeChecksums,
  decodeMetaHeader,
  encodeMetaHeader,
  verifyChecksums,
} from '../../src/transfer/checksum';

describe('chunk checksums', () => {
  const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));

  it('has one big-endian CRC32C per chunk, the last over the partial chunk', () => {
    const checksums = computeChecksums(data, 256);
    expect(chunkCount(data.length, 256)).toBe(4);
    expect(checksums.length).toBe(16);
    expect(checksums.readUInt32BE(0)).toBe(crc32c(data.subarray(0, 256)));
    expect(checksums.readUInt32BE(12)).toBe(crc32c(data.subarray(768)));
    expect(computeChecksums(Buffer.alloc(0), 256).length).toBe(0);
  });

  it('accepts matching data and names the offset of a bad chunk', () => {
    const checksums = computeChecksums(data, 256);
    expect(() => verifyChecksums(data, checksums, 256, 'blk_1', 0)).not.toThrow();
    const bad = Buffer.from(data);
    bad[600]! ^= 1;
    expect(() => verifyChecksums(bad, checksums, 256, 'blk_1', 4096)).toThrow(DataLossError);
    expect(() => verifyChecksums(bad, checksums, 256, 'blk_1', 4096)).toThrow(/offset 4608/);
    expect(() => verifyChecksums(data, checksums.subarray(4), 256, 'blk_1', 0)).toThrow(DataLossError);
  });

  it('round-trips the meta header and refuses a foreign one', () => {
    const header = encodeMetaHeader(65536);
    expect(header.length).toBe(META_HEADER_BYTES);
    expect(header.subarray(0, 4).toString('latin1')).toBe('TSMC');
    expect(decodeMetaHeader(header, 'blk_1')).toBe(65536);
    expect(() => decodeMetaHeader(Buffer.from('NOPE\0\0\0\x01', 'latin1'), 'blk_1')).toThrow(DataLossError);
    expect(() => decodeMetaHeader(header.subarray(0, 5), 'blk_1')).toThrow(DataLossError);
  });
});
