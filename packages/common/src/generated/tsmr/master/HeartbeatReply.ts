// Original file: proto/master.proto

import type { TaskAssignment as _tsmr_master_TaskAssignment, TaskAssignment__Output as _tsmr_master_TaskAssignment__Output } from '../../tsmr/master/TaskAssignment';
import type { Long } from '@grpc/proto-loader';

export interface HeartbeatReply {
  'assignments'?: (_tsmr_master_TaskAssignment)[];
  'killAttempts'?: (string)[];
  'heartbeatIntervalMs'?: (number | string | Long);
}

export interface HeartbeatReply__Output {
  'assignments': (_tsmr_master_TaskAssignment__Output)[];
  'killAttempts': (string)[];
  'heartbeatIntervalMs': (number);
}
