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
//     ERROR  JSON { code, message, metadata? }: a gRPC status code, what went wrong, and
//            string pairs for the reader (as gRPC's trailing metadata)
// Integers are big-endian. A server that takes uploads (the DFS write pipeline) also reads
// DATA frames from the reader after its request, while it answers.
import { status } from '@grpc/grpc-js';
import net from 'node:net';
import { z } from 'zod';
import { splitAddress } from './address';
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

/** The DATA frames a reader sends after its request, for a server that takes uploads. */
export interface FrameSource {
  /**
   * The next frame's payload, whole, with FRAME_HEADER_BYTES of room before it in its
   * ArrayBuffer (so dataFrameInPlace forwards it without a copy); undefined once the
   * reader has sent END.
   */
  next(): Promise<Buffer | undefined>;
}

/** A connection to the frame stream at `address` (host:port), Nagle off: frames go out as they are written. */
export function connectFrameStream(address: string): net.Socket {
  return net.connect({ ...splitAddress(address), noDelay: true });
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

/** Trailing metadata of an ERROR frame: string pairs for the reader. */
export type ErrorMetadata = Record<string, string>;

export function errorFrame(code: number, message: string, metadata?: ErrorMetadata): Buffer {
  const body = Buffer.from(JSON.stringify({ code, message, metadata }));
  return Buffer.concat([frameHeader(FRAME.ERROR, body.length), body]);
}

const errorSchema = z.object({ code: z.number().int(), message: z.string(), metadata: z.record(z.string(), z.string()).optional() });

export function decodeError(body: Buffer): { code: number; message: string; metadata?: ErrorMetadata } {
  try {
    return errorSchema.parse(JSON.parse(body.toString('utf8')));
  } catch {
    return { code: status.INTERNAL, message: 'the server sent an unreadable error' };
  }
}

/**
 * Cuts a byte stream into frames as it arrives. `push` hands each frame's payload to
 * `onPiece` in the pieces the chunk holds (views of it): `start` is the piece's offset in
 * the payload and `length` the payload's, so a frame is complete at the piece where
 * start + piece.length === length (a frame with no payload gives one empty piece).
 */
export class FrameCutter {
  private readonly header = Buffer.alloc(FRAME_HEADER_BYTES);
  private headerBytes = 0;
  /** Inside a frame: its type, its payload's length and the bytes of it seen. */
  private inFrame = false;
  private type = 0;
  private length = 0;
  private received = 0;

  push(chunk: Buffer, onPiece: (type: number, piece: Buffer, start: number, length: number) => void): void {
    let at = 0;
    while (at < chunk.length || (this.inFrame && this.length === 0)) {
      if (!this.inFrame) {
        const take = Math.min(FRAME_HEADER_BYTES - this.headerBytes, chunk.length - at);
        chunk.copy(this.header, this.headerBytes, at, at + take);
        this.headerBytes += take;
        at += take;
        if (this.headerBytes < FRAME_HEADER_BYTES) return;
        this.headerBytes = 0;
        this.inFrame = true;
        this.type = this.header[0] as number;
        this.length = this.header.readUInt32BE(1);
        this.received = 0;
        continue;
      }
      const take = Math.min(this.length - this.received, chunk.length - at);
      const start = this.received;
      this.received += take;
      at += take;
      if (this.received === this.length) this.inFrame = false;
      onPiece(this.type, chunk.subarray(at - take, at), start, this.length);
    }
  }
}

/**
 * Joins the pieces of a FrameCutter into whole frames: `onFrame` gets each payload with
 * FRAME_HEADER_BYTES of room before it (a view of the chunk, after the frame's own header,
 * when one chunk holds the frame; else a copy), as FrameSource promises. A frame longer
 * than `maxBytes` is refused before anything is allocated for it.
 */
export class FrameJoiner {
  private readonly cutter = new FrameCutter();
  private joined: Buffer | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onFrame: (type: number, payload: Buffer) => void,
  ) {}

  /** Throws an InvalidArgumentError for a frame over maxBytes. */
  push(chunk: Buffer): void {
    this.cutter.push(chunk, (type, piece, start, length) => {
      if (length > this.maxBytes) throw new InvalidArgumentError(`a frame of ${length} bytes is over the ${this.maxBytes} allowed`);
      // A payload starting 5 or more bytes into the chunk has its own header just before it.
      if (start === 0 && piece.length === length && piece.byteOffset - chunk.byteOffset >= FRAME_HEADER_BYTES) return this.onFrame(type, piece);
      if (start === 0) this.joined = Buffer.allocUnsafe(FRAME_HEADER_BYTES + length).subarray(FRAME_HEADER_BYTES);
      const joined = this.joined!;
      piece.copy(joined, start);
      if (start + piece.length < length) return;
      this.joined = undefined;
      this.onFrame(type, joined);
    });
  }
}
