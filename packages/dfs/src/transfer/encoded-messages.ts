// The DataTransfer service as both ends load it. On the wire its messages are the protobuf
// of proto/datanode.proto, but a ReadChunk, which carries block bytes, skips protobufjs's
// encoder, whose copy of every byte (and the buffer it allocates for it) cost a datanode
// as much as reading the bytes from disk and checksumming them: it is encoded in place,
// its field header written into spare bytes just before the data (read buffers keep such
// room), so gRPC is handed the message without a copy.
import * as grpc from '@grpc/grpc-js';
import {
  datanodeProto,
  type GetReplicaPathRequest,
  type GetReplicaPathRequest__Output,
  type ReadBlockRequest,
  type ReadBlockRequest__Output,
  type ReadChunk__Output,
  type ReplicaPath,
  type ReplicaPath__Output,
} from '@tsmr/common';

/** The DataTransfer handlers of a datanode, with the message types above. */
export interface DataTransferServerHandlers {
  ReadBlock: grpc.handleServerStreamingCall<ReadBlockRequest__Output, Buffer>;
  GetReplicaPath: grpc.handleUnaryCall<GetReplicaPathRequest__Output, ReplicaPath>;
}

/** A DataTransfer client (one HTTP/2 channel to a datanode). */
export interface DataTransferChannel extends grpc.Client {
  ReadBlock(request: ReadBlockRequest, metadata: grpc.Metadata): grpc.ClientReadableStream<ReadChunk__Output>;
  GetReplicaPath(
    request: GetReplicaPathRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<ReplicaPath__Output>,
  ): grpc.ClientUnaryCall;
}

/** Field 1 (`data`), wire type 2 (length-delimited). */
const READ_CHUNK_DATA_TAG = 0x0a;

/**
 * The ReadChunk `{ data }` encoded around `data`: its header is written into the bytes
 * just before it in the same ArrayBuffer, which the caller must own and not need (at
 * most 6: a tag and a varint of up to 5 bytes). Returns a view from the header to data's end.
 */
export function encodeReadChunkInPlace(data: Buffer): Buffer {
  let varintBytes = 1;
  for (let n = data.length; n >= 0x80; n >>>= 7) varintBytes++;
  const start = data.byteOffset - 1 - varintBytes;
  if (start < 0) throw new Error('encodeReadChunkInPlace: no room before the data for its header');
  const encoded = Buffer.from(data.buffer, start, 1 + varintBytes + data.length);
  encoded[0] = READ_CHUNK_DATA_TAG;
  let n = data.length;
  for (let i = 1; i <= varintBytes; i++, n >>>= 7) encoded[i] = i < varintBytes ? (n & 0x7f) | 0x80 : n;
  return encoded;
}

let definition: grpc.ServiceDefinition | undefined;

/** The service definition servers and clients of DataTransfer use. */
export function dataTransferDefinition(): grpc.ServiceDefinition {
  if (!definition) {
    const base = datanodeProto().DataTransfer.service;
    definition = {
      ...base,
      ReadBlock: { ...base.ReadBlock, responseSerialize: (encoded: Buffer) => encoded },
    };
  }
  return definition;
}
