// Original file: proto/datanode.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A run of block bytes. Every packet but the last holds a whole number of checksum
 * chunks; checksums holds one big-endian CRC32C per chunk of data.
 */
export interface Packet {
  'seqno'?: (number | string | Long);
  /**
   * of data[0] within the block
   */
  'offset'?: (number | string | Long);
  'data'?: (Buffer | Uint8Array | string);
  'checksums'?: (Buffer | Uint8Array | string);
  /**
   * the block is complete after this packet
   */
  'last'?: (boolean);
}

/**
 * A run of block bytes. Every packet but the last holds a whole number of checksum
 * chunks; checksums holds one big-endian CRC32C per chunk of data.
 */
export interface Packet__Output {
  'seqno': (number);
  /**
   * of data[0] within the block
   */
  'offset': (number);
  'data': (Buffer);
  'checksums': (Buffer);
  /**
   * the block is complete after this packet
   */
  'last': (boolean);
}
