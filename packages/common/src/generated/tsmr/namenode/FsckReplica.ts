// Original file: proto/namenode.proto

import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from '../../tsmr/namenode/DatanodeInfo';
import type { ReplicaState as _tsmr_namenode_ReplicaState, ReplicaState__Output as _tsmr_namenode_ReplicaState__Output } from '../../tsmr/namenode/ReplicaState';

export interface FsckReplica {
  'datanode'?: (_tsmr_namenode_DatanodeInfo | null);
  'state'?: (_tsmr_namenode_ReplicaState);
}

export interface FsckReplica__Output {
  'datanode': (_tsmr_namenode_DatanodeInfo__Output | null);
  'state': (_tsmr_namenode_ReplicaState__Output);
}
