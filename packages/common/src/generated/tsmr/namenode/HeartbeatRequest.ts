// Original file: proto/namenode.proto

import type { StorageReport as _tsmr_namenode_StorageReport, StorageReport__Output as _tsmr_namenode_StorageReport__Output } from '../../tsmr/namenode/StorageReport';

export interface HeartbeatRequest {
  'datanodeId'?: (string);
  'storage'?: (_tsmr_namenode_StorageReport | null);
  'activeTransfers'?: (number);
}

export interface HeartbeatRequest__Output {
  'datanodeId': (string);
  'storage': (_tsmr_namenode_StorageReport__Output | null);
  'activeTransfers': (number);
}
