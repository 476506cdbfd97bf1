// Original file: proto/namenode.proto

import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from '../../tsmr/namenode/DatanodeInfo';
import type { Long } from '@grpc/proto-loader';

export interface DatanodeReport {
  'datanode'?: (_tsmr_namenode_DatanodeInfo | null);
  'live'?: (boolean);
  'capacity'?: (number | string | Long);
  'used'?: (number | string | Long);
  'remaining'?: (number | string | Long);
  'blockCount'?: (number);
  'activeTransfers'?: (number);
  /**
   * ms since the epoch
   */
  'lastHeartbeat'?: (number | string | Long);
}

export interface DatanodeReport__Output {
  'datanode': (_tsmr_namenode_DatanodeInfo__Output | null);
  'live': (boolean);
  'capacity': (number);
  'used': (number);
  'remaining': (number);
  'blockCount': (number);
  'activeTransfers': (number);
  /**
   * ms since the epoch
   */
  'lastHeartbeat': (number);
}
