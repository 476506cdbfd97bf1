// Original file: proto/datanode.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ReadBlockRequest as _tsmr_datanode_ReadBlockRequest, ReadBlockRequest__Output as _tsmr_datanode_ReadBlockRequest__Output } from '../../tsmr/datanode/ReadBlockRequest';
import type { ReadChunk as _tsmr_datanode_ReadChunk, ReadChunk__Output as _tsmr_datanode_ReadChunk__Output } from '../../tsmr/datanode/ReadChunk';
import type { WriteAck as _tsmr_datanode_WriteAck, WriteAck__Output as _tsmr_datanode_WriteAck__Output } from '../../tsmr/datanode/WriteAck';
import type { WriteBlockMessage as _tsmr_datanode_WriteBlockMessage, WriteBlockMessage__Output as _tsmr_datanode_WriteBlockMessage__Output } from '../../tsmr/datanode/WriteBlockMessage';

export interface DataTransferClient extends grpc.Client {
  ReadBlock(argument: _tsmr_datanode_ReadBlockRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_datanode_ReadChunk__Output>;
  ReadBlock(argument: _tsmr_datanode_ReadBlockRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_datanode_ReadChunk__Output>;
  readBlock(argument: _tsmr_datanode_ReadBlockRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_datanode_ReadChunk__Output>;
  readBlock(argument: _tsmr_datanode_ReadBlockRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tsmr_datanode_ReadChunk__Output>;
  
  WriteBlock(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tsmr_datanode_WriteBlockMessage, _tsmr_datanode_WriteAck__Output>;
  WriteBlock(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tsmr_datanode_WriteBlockMessage, _tsmr_datanode_WriteAck__Output>;
  writeBlock(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tsmr_datanode_WriteBlockMessage, _tsmr_datanode_WriteAck__Output>;
  writeBlock(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tsmr_datanode_WriteBlockMessage, _tsmr_datanode_WriteAck__Output>;
  
}

export interface DataTransferHandlers extends grpc.UntypedServiceImplementation {
  ReadBlock: grpc.handleServerStreamingCall<_tsmr_datanode_ReadBlockRequest__Output, _tsmr_datanode_ReadChunk>;
  
  WriteBlock: grpc.handleBidiStreamingCall<_tsmr_datanode_WriteBlockMessage__Output, _tsmr_datanode_WriteAck>;
  
}

export interface DataTransferDefinition extends grpc.ServiceDefinition {
  ReadBlock: MethodDefinition<_tsmr_datanode_ReadBlockRequest, _tsmr_datanode_ReadChunk, _tsmr_datanode_ReadBlockRequest__Output, _tsmr_datanode_ReadChunk__Output>
  WriteBlock: MethodDefinition<_tsmr_datanode_WriteBlockMessage, _tsmr_datanode_WriteAck, _tsmr_datanode_WriteBlockMessage__Output, _tsmr_datanode_WriteAck__Output>
}
