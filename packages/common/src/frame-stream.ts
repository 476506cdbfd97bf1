// Frame streams: bulk bytes over a plain TCP connection of their own, beside the gRPC
// services (as HDFS moves block bytes over its DataTransferProtocol and Hadoop serves map
// output over HTTP, neither over RPC). Through grpc-js, every message is joined from 16 KB
// HTTP/2 frames into a fresh buffer and encoded or decoded again, which cost a reader ≈ 1.4
// CPU-s per GiB and kept the shuffle's event loops busy; a socket hands the reader the
// bytes as the kernel delivers them. Used by the DFS block stream and the shuffle.
//
// One request per connection. The reader sends a request frame, then the server sends
// frames until END or ERROR and closes:
//   request:  u32 length, then that many bytes of JSON (including the cluster `secret`)
//   response: u8 type, u32 length, then the payload:
//     DATA   bytes, in order
//     END    nothing: the answer is complete
//     ERROR  JSON { code, message }: a gRPC status code and what went wrong
// Integers are big-endian.
import { status } from '@grpc/grpc-js';
import { z } from 'zod';
import { InvalidArgumentError } from './errors';

export const FRAME = { DATA: 1, END: 2, ERROR: 3 } as const;
export const FRAME_HEADER_BYTES = 5;
/** A request is a few hundred bytes; anything much larger is not a reader of ours. */
export const MAX_REQUEST_BYTES = 64 * 1024;

/** Where a server's answer goes. */
export interface FrameSink {
  /** Sends `data` as one DATA frame; `data` needs FRAME_HEADER_BYTES of spare room before it (see dataFrameInPlace). Resolves once the socket has taken it. */
  send(data: Buffer): Promise<void>;
  /** The answer is complete. */
  end(): void;
  /** Rejects when the reader goes away. */
  readonly gone: Promise<never>;
}

export function encodeRequest(request: object): Buffer {
  const json = Buffer.from(JSON.stringify(request));
  const frame = Buffer.allocUnsafe(4 + json.length);
  frame.writeUInt32BE(json.length, 0);
  json.copy(frame, 4);
  return frame;
}

/** The request in `body` (the bytes after its length), checked by `schema`; INVALID_ARGUMENT if it is not one. */
export function decodeRequest<R>(body: Buffer, schema: z.ZodType<R>, what: string): R {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidArgumentError(`${what}: the request is not JSON`);
  }
  const request = schema.safeParse(parsed);
  if (!request.success) throw new InvalidArgumentError(`${what}: bad request: ${request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return request.data;
}

export function frameHeader(type: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header[0] = type;
  header.writeUInt32BE(length, 1);
  return header;
}

/**
 * The DATA frame of `data`, its header written into the bytes just before it in the same
 * ArrayBuffer (which the caller must own and not need), so the frame is sent without a
 * copy. Returns a view from the header to data's end.
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

const errorSchema = z.object({ code: z.number().int(), message: z.string() });

export function decodeError(body: Buffer): { code: number; message: string } {
  try {
    return errorSchema.parse(JSON.parse(body.toString('utf8')));
  } catch {
    return { code: status.INTERNAL, message: 'the server sent an unreadable error' };
  }
}
