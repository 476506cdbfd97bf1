// Original file: proto/namenode.proto

import type { BlockHealth as _tsmr_namenode_BlockHealth, BlockHealth__Output as _tsmr_namenode_BlockHealth__Output } from '../../tsmr/namenode/BlockHealth';
import type { FsckReplica as _tsmr_namenode_FsckReplica, FsckReplica__Output as _tsmr_namenode_FsckReplica__Output } from '../../tsmr/namenode/FsckReplica';
import type { Long } from '@grpc/proto-loader';

export interface FsckBlock {
  'blockId'?: (string);
  'length'?: (number | string | Long);
  'expectedReplicas'?: (number);
  'liveReplicas'?: (number);
  'health'?: (_tsmr_namenode_BlockHealth);
  'replicas'?: (_tsmr_namenode_FsckReplica)[];
}

export interface FsckBlock__Output {
  'blockId': (string);
  'length': (number);
  'expectedReplicas': (number);
  'liveReplicas': (number);
  'health': (_tsmr_namenode_BlockHealth__Output);
  'replicas': (_tsmr_namenode_FsckReplica__Output)[];
}
