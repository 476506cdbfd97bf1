// Original file: proto/master.proto

import type { TaskAssignment as _tsmr_master_TaskAssignment, TaskAssignment__Output as _tsmr_master_TaskAssignment__Output } from '../../tsmr/master/TaskAssignment';
import type { Long } from '@grpc/proto-loader';

export interface HeartbeatReply {
  'assignments'?: (_tsmr_master_TaskAssignment)[];
  'killAttempts'?: (string)[];
  'heartbeatIntervalMs'?: (number | string | Long);
  /**
   * The master's heartbeat stream: a TCP port on the master's host where the worker sends its
   * next heartbeats (see packages/common/src/heartbeat-stream.ts). 0: none, keep calling Heartbeat.
   */
  'heartbeatPort'?: (number);
}

export interface HeartbeatReply__Output {
  'assignments': (_tsmr_master_TaskAssignment__Output)[];
  'killAttempts': (string)[];
  'heartbeatIntervalMs': (number);
  /**
   * The master's heartbeat stream: a TCP port on the master's host where the worker sends its
   * next heartbeats (see packages/common/src/heartbeat-stream.ts). 0: none, keep calling Heartbeat.
   */
  'heartbeatPort': (number);
}
