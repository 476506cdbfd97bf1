// Original file: proto/namenode.proto

import type { ReplicateCommand as _tsmr_namenode_ReplicateCommand, ReplicateCommand__Output as _tsmr_namenode_ReplicateCommand__Output } from '../../tsmr/namenode/ReplicateCommand';
import type { InvalidateCommand as _tsmr_namenode_InvalidateCommand, InvalidateCommand__Output as _tsmr_namenode_InvalidateCommand__Output } from '../../tsmr/namenode/InvalidateCommand';
import type { ReregisterCommand as _tsmr_namenode_ReregisterCommand, ReregisterCommand__Output as _tsmr_namenode_ReregisterCommand__Output } from '../../tsmr/namenode/ReregisterCommand';

export interface DatanodeCommand {
  'replicate'?: (_tsmr_namenode_ReplicateCommand | null);
  'invalidate'?: (_tsmr_namenode_InvalidateCommand | null);
  'reregister'?: (_tsmr_namenode_ReregisterCommand | null);
  'command'?: "replicate"|"invalidate"|"reregister";
}

export interface DatanodeCommand__Output {
  'replicate'?: (_tsmr_namenode_ReplicateCommand__Output | null);
  'invalidate'?: (_tsmr_namenode_InvalidateCommand__Output | null);
  'reregister'?: (_tsmr_namenode_ReregisterCommand__Output | null);
  'command'?: "replicate"|"invalidate"|"reregister";
}
