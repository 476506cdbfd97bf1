// Original file: proto/namenode.proto

import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from '../../tsmr/namenode/DatanodeInfo';

/**
 * Copy a local block to the targets (a write pipeline in the given order).
 */
export interface ReplicateCommand {
  'blockId'?: (string);
  'targets'?: (_tsmr_namenode_DatanodeInfo)[];
}

/**
 * Copy a local block to the targets (a write pipeline in the given order).
 */
export interface ReplicateCommand__Output {
  'blockId': (string);
  'targets': (_tsmr_namenode_DatanodeInfo__Output)[];
}
