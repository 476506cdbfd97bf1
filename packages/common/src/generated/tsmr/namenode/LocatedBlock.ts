// Original file: proto/namenode.proto

import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from '../../tsmr/namenode/DatanodeInfo';
import type { Long } from '@grpc/proto-loader';

/**
 * A block of a file and where its live, uncorrupted replicas are (best first).
 */
export interface LocatedBlock {
  'blockId'?: (string);
  /**
   * of the block's first byte in the file
   */
  'offset'?: (number | string | Long);
  'length'?: (number | string | Long);
  'locations'?: (_tsmr_namenode_DatanodeInfo)[];
}

/**
 * A block of a file and where its live, uncorrupted replicas are (best first).
 */
export interface LocatedBlock__Output {
  'blockId': (string);
  /**
   * of the block's first byte in the file
   */
  'offset': (number);
  'length': (number);
  'locations': (_tsmr_namenode_DatanodeInfo__Output)[];
}
