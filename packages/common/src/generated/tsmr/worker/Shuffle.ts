// Original file: proto/worker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FetchRequest as _tsmr_worker_FetchRequest, FetchRequest__Output as _tsmr_worker_FetchRequest__Output } from '../../tsmr/worker/FetchRequest';
import type { ShuffleChunk as _tsmr_worker_ShuffleChunk, ShuffleChunk__Output as _tsmr_worker_ShuffleChunk__Output } from '../../tsmr/worker/ShuffleChunk';

export interface ShuffleClient extends grpc.Client {
  FetchPartition(argument: _tsmr_worker_FetchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_worker_ShuffleChunk__Output>;
  FetchPartition(argument: _tsmr_worker_FetchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_worker_ShuffleChunk__Output>;
  fetchPartition(argument: _tsmr_worker_FetchRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_worker_ShuffleChunk__Output>;
  fetchPartition(argument: _tsmr_worker_FetchRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_worker_ShuffleChunk__Output>;
  
}

export interface ShuffleHandlers extends grpc.UntypedServiceImplementation {
  FetchPartition: grpc.handleServerStreamingCall<_tsmr_worker_FetchRequest__Output, _tsmr_worker_ShuffleChunk>;
  
}

export interface ShuffleDefinition extends grpc.ServiceDefinition {
  FetchPartition: MethodDefinition<_tsmr_worker_FetchRequest, _tsmr_worker_ShuffleChunk, _tsmr_worker_FetchRequest__Output, _tsmr_worker_ShuffleChunk__Output>
}
