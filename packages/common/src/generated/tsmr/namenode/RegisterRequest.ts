// Original file: proto/namenode.proto

import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from '../../tsmr/namenode/DatanodeInfo';
import type { StorageReport as _tsmr_namenode_StorageReport, StorageReport__Output as _tsmr_namenode_StorageReport__Output } from '../../tsmr/namenode/StorageReport';

export interface RegisterRequest {
  'datanode'?: (_tsmr_namenode_DatanodeInfo | null);
  'storage'?: (_tsmr_namenode_StorageReport | null);
}

export interface RegisterRequest__Output {
  'datanode': (_tsmr_namenode_DatanodeInfo__Output | null);
  'storage': (_tsmr_namenode_StorageReport__Output | null);
}
