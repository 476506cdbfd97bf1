// Original file: proto/master.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Bundle as _tsmr_master_Bundle, Bundle__Output as _tsmr_master_Bundle__Output } from '../../tsmr/master/Bundle';
import type { BundleRequest as _tsmr_master_BundleRequest, BundleRequest__Output as _tsmr_master_BundleRequest__Output } from '../../tsmr/master/BundleRequest';
import type { HeartbeatReply as _tsmr_master_HeartbeatReply, HeartbeatReply__Output as _tsmr_master_HeartbeatReply__Output } from '../../tsmr/master/HeartbeatReply';
import type { WorkerHeartbeat as _tsmr_master_WorkerHeartbeat, WorkerHeartbeat__Output as _tsmr_master_WorkerHeartbeat__Output } from '../../tsmr/master/WorkerHeartbeat';

export interface WorkerProtocolClient extends grpc.Client {
  GetJobBundle(argument: _tsmr_master_BundleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  GetJobBundle(argument: _tsmr_master_BundleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  GetJobBundle(argument: _tsmr_master_BundleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  GetJobBundle(argument: _tsmr_master_BundleRequest, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  getJobBundle(argument: _tsmr_master_BundleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  getJobBundle(argument: _tsmr_master_BundleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  getJobBundle(argument: _tsmr_master_BundleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  getJobBundle(argument: _tsmr_master_BundleRequest, callback: grpc.requestCallback<_tsmr_master_Bundle__Output>): grpc.ClientUnaryCall;
  
  Heartbeat(argument: _tsmr_master_WorkerHeartbeat, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tsmr_master_WorkerHeartbeat, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tsmr_master_WorkerHeartbeat, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tsmr_master_WorkerHeartbeat, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_master_WorkerHeartbeat, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_master_WorkerHeartbeat, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_master_WorkerHeartbeat, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_master_WorkerHeartbeat, callback: grpc.requestCallback<_tsmr_master_HeartbeatReply__Output>): grpc.ClientUnaryCall;
  
}

export interface WorkerProtocolHandlers extends grpc.UntypedServiceImplementation {
  GetJobBundle: grpc.handleUnaryCall<_tsmr_master_BundleRequest__Output, _tsmr_master_Bundle>;
  
  Heartbeat: grpc.handleUnaryCall<_tsmr_master_WorkerHeartbeat__Output, _tsmr_master_HeartbeatReply>;
  
}

export interface WorkerProtocolDefinition extends grpc.ServiceDefinition {
  GetJobBundle: MethodDefinition<_tsmr_master_BundleRequest, _tsmr_master_Bundle, _tsmr_master_BundleRequest__Output, _tsmr_master_Bundle__Output>
  Heartbeat: MethodDefinition<_tsmr_master_WorkerHeartbeat, _tsmr_master_HeartbeatReply, _tsmr_master_WorkerHeartbeat__Output, _tsmr_master_HeartbeatReply__Output>
}
