// Original file: proto/datanode.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetReplicaPathRequest as _tsmr_datanode_GetReplicaPathRequest, GetReplicaPathRequest__Output as _tsmr_datanode_GetReplicaPathRequest__Output } from '../../tsmr/datanode/GetReplicaPathRequest';
import type { ReplicaPath as _tsmr_datanode_ReplicaPath, ReplicaPath__Output as _tsmr_datanode_ReplicaPath__Output } from '../../tsmr/datanode/ReplicaPath';

export interface DataTransferClient extends grpc.Client {
  /**
   * NOT_FOUND for a replica this node does not have finalized, DATA_LOSS for a corrupt one.
   */
  GetReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  GetReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  GetReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  GetReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  /**
   * NOT_FOUND for a replica this node does not have finalized, DATA_LOSS for a corrupt one.
   */
  getReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  getReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  getReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  getReplicaPath(argument: _tsmr_datanode_GetReplicaPathRequest, callback: grpc.requestCallback<_tsmr_datanode_ReplicaPath__Output>): grpc.ClientUnaryCall;
  
}

export interface DataTransferHandlers extends grpc.UntypedServiceImplementation {
  /**
   * NOT_FOUND for a replica this node does not have finalized, DATA_LOSS for a corrupt one.
   */
  GetReplicaPath: grpc.handleUnaryCall<_tsmr_datanode_GetReplicaPathRequest__Output, _tsmr_datanode_ReplicaPath>;
  
}

export interface DataTransferDefinition extends grpc.ServiceDefinition {
  GetReplicaPath: MethodDefinition<_tsmr_datanode_GetReplicaPathRequest, _tsmr_datanode_ReplicaPath, _tsmr_datanode_GetReplicaPathRequest__Output, _tsmr_datanode_ReplicaPath__Output>
}
