// Original file: proto/namenode.proto

import type { FsckFile as _tsmr_namenode_FsckFile, FsckFile__Output as _tsmr_namenode_FsckFile__Output } from '../../tsmr/namenode/FsckFile';
import type { Long } from '@grpc/proto-loader';

export interface FsckReport {
  'files'?: (_tsmr_namenode_FsckFile)[];
  'totalBlocks'?: (number | string | Long);
  'healthyBlocks'?: (number | string | Long);
  'underReplicatedBlocks'?: (number | string | Long);
  'missingBlocks'?: (number | string | Long);
  'corruptReplicas'?: (number | string | Long);
  'overReplicatedBlocks'?: (number | string | Long);
  'liveDatanodes'?: (number);
  'deadDatanodes'?: (number);
  'healthy'?: (boolean);
}

export interface FsckReport__Output {
  'files': (_tsmr_namenode_FsckFile__Output)[];
  'totalBlocks': (number);
  'healthyBlocks': (number);
  'underReplicatedBlocks': (number);
  'missingBlocks': (number);
  'corruptReplicas': (number);
  'overReplicatedBlocks': (number);
  'liveDatanodes': (number);
  'deadDatanodes': (number);
  'healthy': (boolean);
}
