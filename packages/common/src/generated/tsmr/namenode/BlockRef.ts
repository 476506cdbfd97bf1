// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A block the client has finished writing, with its final length.
 */
export interface BlockRef {
  'blockId'?: (string);
  'length'?: (number | string | Long);
}

/**
 * A block the client has finished writing, with its final length.
 */
export interface BlockRef__Output {
  'blockId': (string);
  'length': (number);
}
