// Original file: proto/namenode.proto

import type { DatanodeCommand as _tsmr_namenode_DatanodeCommand, DatanodeCommand__Output as _tsmr_namenode_DatanodeCommand__Output } from '../../tsmr/namenode/DatanodeCommand';

export interface HeartbeatResponse {
  'commands'?: (_tsmr_namenode_DatanodeCommand)[];
}

export interface HeartbeatResponse__Output {
  'commands': (_tsmr_namenode_DatanodeCommand__Output)[];
}
