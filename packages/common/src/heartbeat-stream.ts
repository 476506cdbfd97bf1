// The heartbeat stream: a worker's heartbeats to the master over one TCP connection it keeps
// open, as Hadoop's RPC keeps one connection per client. Through gRPC, every heartbeat is an
// HTTP/2 stream (headers, trailers, a call object each side): node:http2 alone cost the
// master ≈ 100 µs of CPU per call with a trivial handler, against ≈ 18 µs for a call over a
// persistent TCP connection with length-prefixed frames (both measured, see BENCHMARKS.md),
// and a busy master answers thousands of heartbeats a second.
//
// The wire is a frame stream's (frame-stream.ts), with many frames each way. The worker sends
// the request frame (JSON { secret }), then one DATA frame per heartbeat, a WorkerHeartbeat
// in protobuf; the master answers each, in order, with a DATA frame holding the
// HeartbeatReply. A failure (a wrong secret, a malformed heartbeat) is one ERROR frame, and
// the master closes the connection. The worker sends one heartbeat at a time.
//
// The first heartbeat of a worker goes over gRPC (WorkerProtocol/Heartbeat), whose reply
// names the stream's port (heartbeat_port) on the master's host; a worker whose stream fails
// goes back to gRPC, so it finds a restarted master's new port the same way.
import { status } from '@grpc/grpc-js';
import type net from 'node:net';
import { z } from 'zod';
import { UnavailableError, errorOfCode } from './errors';
import { FRAME, FrameJoiner, connectFrameStream, decodeError, encodeRequest, frameHeader } from './frame-stream';
import type { HeartbeatReply__Output, WorkerHeartbeat } from './messages';
import { masterProto } from './proto';
import { MAX_MESSAGE_BYTES } from './rpc';

export const HEARTBEAT_STREAM = 'heartbeat stream';

export const heartbeatStreamRequestSchema = z.object({ secret: z.string() });
export type HeartbeatStreamRequest = z.infer<typeof heartbeatStreamRequestSchema>;

/** As long as a gRPC heartbeat's deadline. */
const DEFAULT_TIMEOUT_MS = 10_000;

interface PendingHeartbeat {
  resolve(reply: HeartbeatReply__Output): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A connection to the master's heartbeat stream at `address` (host:port), made at once. Once
 * it fails (it does not connect within `timeoutMs`, the connection breaks, the master sends
 * ERROR, a heartbeat goes unanswered for `timeoutMs`), every heartbeat on it rejects with
 * that failure: the caller makes another.
 */
export class HeartbeatStream {
  private readonly socket: net.Socket;
  private readonly method = masterProto().WorkerProtocol.service.Heartbeat;
  private readonly pending: PendingHeartbeat[] = [];
  private failedWith: Error | undefined;
  private readonly connectTimer: NodeJS.Timeout;

  constructor(
    readonly address: string,
    secret: string | undefined,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {
    this.socket = connectFrameStream(address);
    this.connectTimer = setTimeout(() => this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${address}: not connected within ${timeoutMs / 1000} s`)), timeoutMs);
    this.socket.once('connect', () => clearTimeout(this.connectTimer));
    const joiner = new FrameJoiner(MAX_MESSAGE_BYTES, (type, payload) => this.onFrame(type, payload));
    this.socket.on('data', (chunk: Buffer) => {
      try {
        joiner.push(chunk);
      } catch (err) {
        this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${address}: ${(err as Error).message}`));
      }
    });
    this.socket.on('error', (err) => this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${address}: ${err.message}`)));
    this.socket.on('close', () => this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${address}: the connection closed`)));
    this.socket.write(encodeRequest({ secret: secret ?? '' } satisfies HeartbeatStreamRequest));
  }

  /** Connected and not failed: a heartbeat sent now goes straight out. */
  get ready(): boolean {
    return !this.socket.connecting && this.failedWith === undefined;
  }

  /** Why the stream failed, once it has. */
  get failure(): Error | undefined {
    return this.failedWith;
  }

  heartbeat(request: WorkerHeartbeat): Promise<HeartbeatReply__Output> {
    if (this.failedWith) return Promise.reject(this.failedWith);
    const message = this.method.requestSerialize(request);
    this.socket.write(Buffer.concat([frameHeader(FRAME.DATA, message.length), message]));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(errorOfCode(status.DEADLINE_EXCEEDED, `${HEARTBEAT_STREAM} ${this.address}: no answer for ${this.timeoutMs / 1000} s`)),
        this.timeoutMs,
      );
      this.pending.push({ resolve, reject, timer });
    });
  }

  close(): void {
    this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${this.address}: closed`));
  }

  private onFrame(type: number, payload: Buffer): void {
    if (this.failedWith) return;
    if (type === FRAME.ERROR) {
      const { code, message } = decodeError(payload);
      return this.fail(errorOfCode(code, message));
    }
    const call = type === FRAME.DATA ? this.pending.shift() : undefined;
    if (!call) return this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${this.address}: a frame of type ${type} answering no heartbeat`));
    clearTimeout(call.timer);
    let reply: HeartbeatReply__Output;
    try {
      reply = this.method.responseDeserialize(payload);
    } catch {
      return this.fail(new UnavailableError(`${HEARTBEAT_STREAM} ${this.address}: an unreadable reply`));
    }
    call.resolve(reply);
  }

  private fail(err: Error): void {
    if (this.failedWith) return;
    this.failedWith = err;
    clearTimeout(this.connectTimer);
    this.socket.destroy();
    for (const call of this.pending.splice(0)) {
      clearTimeout(call.timer);
      call.reject(err);
    }
  }
}
