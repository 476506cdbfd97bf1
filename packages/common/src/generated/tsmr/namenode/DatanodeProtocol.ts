// Original file: proto/namenode.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BlockReceivedRequest as _tsmr_namenode_BlockReceivedRequest, BlockReceivedRequest__Output as _tsmr_namenode_BlockReceivedRequest__Output } from '../../tsmr/namenode/BlockReceivedRequest';
import type { BlockReportRequest as _tsmr_namenode_BlockReportRequest, BlockReportRequest__Output as _tsmr_namenode_BlockReportRequest__Output } from '../../tsmr/namenode/BlockReportRequest';
import type { Empty as _tsmr_namenode_Empty, Empty__Output as _tsmr_namenode_Empty__Output } from '../../tsmr/namenode/Empty';
import type { HeartbeatRequest as _tsmr_namenode_HeartbeatRequest, HeartbeatRequest__Output as _tsmr_namenode_HeartbeatRequest__Output } from '../../tsmr/namenode/HeartbeatRequest';
import type { HeartbeatResponse as _tsmr_namenode_HeartbeatResponse, HeartbeatResponse__Output as _tsmr_namenode_HeartbeatResponse__Output } from '../../tsmr/namenode/HeartbeatResponse';
import type { RegisterRequest as _tsmr_namenode_RegisterRequest, RegisterRequest__Output as _tsmr_namenode_RegisterRequest__Output } from '../../tsmr/namenode/RegisterRequest';
import type { RegisterResponse as _tsmr_namenode_RegisterResponse, RegisterResponse__Output as _tsmr_namenode_RegisterResponse__Output } from '../../tsmr/namenode/RegisterResponse';
import type { ReportBadBlocksRequest as _tsmr_namenode_ReportBadBlocksRequest, ReportBadBlocksRequest__Output as _tsmr_namenode_ReportBadBlocksRequest__Output } from '../../tsmr/namenode/ReportBadBlocksRequest';

export interface DatanodeProtocolClient extends grpc.Client {
  BlockReceived(argument: _tsmr_namenode_BlockReceivedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  BlockReceived(argument: _tsmr_namenode_BlockReceivedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  BlockReceived(argument: _tsmr_namenode_BlockReceivedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  BlockReceived(argument: _tsmr_namenode_BlockReceivedRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReceived(argument: _tsmr_namenode_BlockReceivedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReceived(argument: _tsmr_namenode_BlockReceivedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReceived(argument: _tsmr_namenode_BlockReceivedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReceived(argument: _tsmr_namenode_BlockReceivedRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  BlockReport(argument: _tsmr_namenode_BlockReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  BlockReport(argument: _tsmr_namenode_BlockReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  BlockReport(argument: _tsmr_namenode_BlockReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  BlockReport(argument: _tsmr_namenode_BlockReportRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReport(argument: _tsmr_namenode_BlockReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReport(argument: _tsmr_namenode_BlockReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReport(argument: _tsmr_namenode_BlockReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  blockReport(argument: _tsmr_namenode_BlockReportRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  Heartbeat(argument: _tsmr_namenode_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tsmr_namenode_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tsmr_namenode_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _tsmr_namenode_HeartbeatRequest, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_namenode_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_namenode_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_namenode_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _tsmr_namenode_HeartbeatRequest, callback: grpc.requestCallback<_tsmr_namenode_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  Register(argument: _tsmr_namenode_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _tsmr_namenode_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _tsmr_namenode_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _tsmr_namenode_RegisterRequest, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tsmr_namenode_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tsmr_namenode_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tsmr_namenode_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _tsmr_namenode_RegisterRequest, callback: grpc.requestCallback<_tsmr_namenode_RegisterResponse__Output>): grpc.ClientUnaryCall;
  
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
}

export interface DatanodeProtocolHandlers extends grpc.UntypedServiceImplementation {
  BlockReceived: grpc.handleUnaryCall<_tsmr_namenode_BlockReceivedRequest__Output, _tsmr_namenode_Empty>;
  
  BlockReport: grpc.handleUnaryCall<_tsmr_namenode_BlockReportRequest__Output, _tsmr_namenode_Empty>;
  
  Heartbeat: grpc.handleUnaryCall<_tsmr_namenode_HeartbeatRequest__Output, _tsmr_namenode_HeartbeatResponse>;
  
  Register: grpc.handleUnaryCall<_tsmr_namenode_RegisterRequest__Output, _tsmr_namenode_RegisterResponse>;
  
  ReportBadBlocks: grpc.handleUnaryCall<_tsmr_namenode_ReportBadBlocksRequest__Output, _tsmr_namenode_Empty>;
  
}

export interface DatanodeProtocolDefinition extends grpc.ServiceDefinition {
  BlockReceived: MethodDefinition<_tsmr_namenode_BlockReceivedRequest, _tsmr_namenode_Empty, _tsmr_namenode_BlockReceivedRequest__Output, _tsmr_namenode_Empty__Output>
  BlockReport: MethodDefinition<_tsmr_namenode_BlockReportRequest, _tsmr_namenode_Empty, _tsmr_namenode_BlockReportRequest__Output, _tsmr_namenode_Empty__Output>
  Heartbeat: MethodDefinition<_tsmr_namenode_HeartbeatRequest, _tsmr_namenode_HeartbeatResponse, _tsmr_namenode_HeartbeatRequest__Output, _tsmr_namenode_HeartbeatResponse__Output>
  Register: MethodDefinition<_tsmr_namenode_RegisterRequest, _tsmr_namenode_RegisterResponse, _tsmr_namenode_RegisterRequest__Output, _tsmr_namenode_RegisterResponse__Output>
  ReportBadBlocks: MethodDefinition<_tsmr_namenode_ReportBadBlocksRequest, _tsmr_namenode_Empty, _tsmr_namenode_ReportBadBlocksRequest__Output, _tsmr_namenode_Empty__Output>
}
