// Original file: proto/namenode.proto

import type { DatanodeReport as _tsmr_namenode_DatanodeReport, DatanodeReport__Output as _tsmr_namenode_DatanodeReport__Output } from '../../tsmr/namenode/DatanodeReport';
import type { Long } from '@grpc/proto-loader';

export interface ClusterReport {
  'safeMode'?: (boolean);
  'safeModeReason'?: (string);
  'datanodes'?: (_tsmr_namenode_DatanodeReport)[];
  'defaultReplication'?: (number);
  'defaultBlockSize'?: (number | string | Long);
  'bytesPerChecksum'?: (number);
}

export interface ClusterReport__Output {
  'safeMode': (boolean);
  'safeModeReason': (string);
  'datanodes': (_tsmr_namenode_DatanodeReport__Output)[];
  'defaultReplication': (number);
  'defaultBlockSize': (number);
  'bytesPerChecksum': (number);
}
