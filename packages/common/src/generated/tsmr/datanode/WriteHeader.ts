// Original file: proto/datanode.proto

import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from '../../tsmr/namenode/DatanodeInfo';

/**
 * First message of a WriteBlock stream.
 */
export interface WriteHeader {
  'blockId'?: (string);
  /**
   * The datanodes after this one, in pipeline order; this node forwards to the first.
   */
  'downstream'?: (_tsmr_namenode_DatanodeInfo)[];
  'bytesPerChecksum'?: (number);
  'clientName'?: (string);
}

/**
 * First message of a WriteBlock stream.
 */
export interface WriteHeader__Output {
  'blockId': (string);
  /**
   * The datanodes after this one, in pipeline order; this node forwards to the first.
   */
  'downstream': (_tsmr_namenode_DatanodeInfo__Output)[];
  'bytesPerChecksum': (number);
  'clientName': (string);
}
