// The block stream: block reads over a plain TCP connection, beside the DataTransfer gRPC
// service (as HDFS moves block bytes over its own streaming protocol, not over RPC). Over
// gRPC, a read cost the reader ≈ 1.4 CPU-s per GiB, mostly grpc-js joining every message
// from its HTTP/2 frames into a fresh buffer and the GC of those buffers; a socket hands
// the reader the bytes as the kernel delivers them.
//
// One read per connection. The reader sends a request frame, then the datanode sends
// frames until END or ERROR and closes:
//   request:  u32 length, then that many bytes of JSON: { blockId, offset, length, secret }
//   response: u8 type, u32 length, then the payload:
//     DATA   block bytes, in order (verified against their checksums before they are sent)
//     END    nothing: the range is complete
//     ERROR  JSON { code, message }: a gRPC status code and what went wrong
// Integers are big-endian. The datanode checks the secret and the range as ReadBlock does.
import { status } from '@grpc/grpc-js';
import { InvalidArgumentError } from '@tsmr/common';
import { z } from 'zod';

export const FRAME = { DATA: 1, END: 2, ERROR: 3 } as const;
export const FRAME_HEADER_BYTES = 5;
/** A request is a few hundred bytes; anything much larger is not a reader of ours. */
export const MAX_REQUEST_BYTES = 64 * 1024;

export interface BlockStreamRequest {
  blockId: string;
  offset: number;
  /** 0: to the end of the block. */
  length: number;
  /** The cluster secret ('' when there is none). */
  secret: string;
}

const requestSchema = z.object({
  blockId: z.string(),
  offset: z.number(),
  length: z.number(),
  secret: z.string(),
});

const errorSchema = z.object({ code: z.number().int(), message: z.string() });

export function encodeRequest(request: BlockStreamRequest): Buffer {
  const json = Buffer.from(JSON.stringify(request));
  const frame = Buffer.allocUnsafe(4 + json.length);
  frame.writeUInt32BE(json.length, 0);
  json.copy(frame, 4);
  return frame;
}

/** The request in `body` (the bytes after its length); INVALID_ARGUMENT if it is not one. */
export function decodeRequest(body: Buffer): BlockStreamRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidArgumentError('block stream: the request is not JSON');
  }
  const request = requestSchema.safeParse(parsed);
  if (!request.success) throw new InvalidArgumentError(`block stream: bad request: ${request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return request.data;
}

/** A frame header. */
export function frameHeader(type: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header[0] = type;
  header.writeUInt32BE(length, 1);
  return header;
}

/**
 * The DATA frame of `data`, its header written into the bytes just before it in the same
 * ArrayBuffer (read buffers keep such room; see allocateReadBuffer), so the frame is sent
 * without a copy. Returns a view from the header to data's end.
 */
export function dataFrameInPlace(data: Buffer): Buffer {
  const start = data.byteOffset - FRAME_HEADER_BYTES;
  if (start < 0) throw new Error('dataFrameInPlace: no room before the data for its header');
  const frame = Buffer.from(data.buffer, start, FRAME_HEADER_BYTES + data.length);
  frame[0] = FRAME.DATA;
  frame.writeUInt32BE(data.length, 1);
  return frame;
}

export function errorFrame(code: number, message: string): Buffer {
  const body = Buffer.from(JSON.stringify({ code, message }));
  return Buffer.concat([frameHeader(FRAME.ERROR, body.length), body]);
}

export function decodeError(body: Buffer): { code: number; message: string } {
  try {
    return errorSchema.parse(JSON.parse(body.toString('utf8')));
  } catch {
    return { code: status.INTERNAL, message: 'the datanode sent an unreadable error' };
  }
}
