// The server end of a frame stream (see frame-stream.ts): takes one request per
// connection, checks it (its schema, then the cluster secret) and hands it to `serve` with
// a FrameSink, and, on a server that takes uploads, a FrameSource of the frames the reader
// sends after it; a failure is one ERROR frame. A connection that sends no whole request
// in time, or a malformed one, is closed; so is one whose reader stops reading (no write
// completes for a long while), which ends its answer; and every connection is closed once
// its last frame is sent (one that takes uploads once the reader closes too, or after a
// few seconds: closing with the reader's bytes unread would reset the connection, and the
// reader could lose the last frames, an ERROR frame among them).
import { status } from '@grpc/grpc-js';
import net from 'node:net';
import type { z } from 'zod';
import { InvalidArgumentError, TsmrError, UnauthenticatedError, UnavailableError } from './errors';
import {
  FRAME,
  FrameJoiner,
  MAX_REQUEST_BYTES,
  dataFrameInPlace,
  decodeRequest,
  errorFrame,
  frameHeader,
  type ErrorMetadata,
  type FrameSink,
  type FrameSource,
} from './frame-stream';
import type { Logger } from './log';
import { WRONG_SECRET_MESSAGE, secretMatches } from './rpc';

/** A reader must send its whole request within this long of connecting. */
const REQUEST_TIMEOUT_MS = 10_000;
/** An answer with no write completing for this long is cut (HDFS's socket write timeout is 8 minutes). */
const IDLE_TIMEOUT_MS = 8 * 60_000;
/** Uploaded bytes waiting for `serve` beyond this pause the connection until it catches up. */
const UPLOAD_QUEUE_BYTES = 16 * 1024 * 1024;
/** What a queued frame costs beyond its payload, counted against UPLOAD_QUEUE_BYTES (so empty frames count too). */
const QUEUED_FRAME_COST = 256;
/** After its last frame, a connection that took uploads waits this long for the reader to close. */
const LINGER_MS = 5_000;

export interface FrameStreamServerOptions<R extends { secret: string }> {
  /** What the stream is, for messages ("block stream", "shuffle"). */
  name: string;
  host: string;
  port: number;
  secret: string | undefined;
  log: Logger;
  schema: z.ZodType<R>;
  /** `source` is the reader's uploaded frames (on a server without uploads it never yields one); `peer` its address:port. */
  serve(request: R, sink: FrameSink, source: FrameSource, peer: string): Promise<void>;
  /**
   * The largest DATA frame this request may be followed by (its uploads); undefined (or
   * no function): it takes none, and bytes after the request are refused.
   */
  uploadLimit?(request: R): number | undefined;
  /** Metadata for the ERROR frame of a failure `serve` threw (gRPC's trailers). */
  errorMetadata?(err: unknown): ErrorMetadata | undefined;
  /** Default 10 s. */
  requestTimeoutMs?: number;
  /** Default 8 minutes. */
  idleTimeoutMs?: number;
}

export class FrameStreamServer<R extends { secret: string }> {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly options: FrameStreamServerOptions<R>) {
    this.server = net.createServer((socket) => this.accept(socket));
    // A failed accept (out of file descriptors, say) must not take the process down.
    this.server.on('error', (err) => options.log.warn({ err }, `${options.name} server error`));
  }

  /** Listens; resolves to host:port. */
  start(): Promise<string> {
    const { host, port } = this.options;
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(`${host}:${(this.server.address() as net.AddressInfo).port}`);
      });
    });
  }

  /** Stops listening; answers still going after `graceMs` are cut. */
  async stop(graceMs: number): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const cut = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(cut);
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined); // the reader went away: 'close' follows
    socket.setNoDelay(true);
    // Idle: no bytes moved either way for that long (a write completing counts).
    socket.setTimeout(this.options.idleTimeoutMs ?? IDLE_TIMEOUT_MS, () => socket.destroy());
    const deadline = setTimeout(() => socket.destroy(), this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
    let uploads: UploadQueue | undefined;
    // The last frame written, the connection is done, whether or not the reader closes it.
    socket.once('finish', () => (uploads ? uploads.linger() : socket.destroy()));
    // The secret is checked before any upload is taken, so a reader without it gets no buffer.
    const admit = (request: R) => {
      if (!secretMatches(this.options.secret, request.secret)) throw new UnauthenticatedError(WRONG_SECRET_MESSAGE);
      const limit = this.options.uploadLimit?.(request);
      if (limit !== undefined) uploads = new UploadQueue(socket, limit);
      return uploads;
    };
    readRequest(socket, this.options.schema, this.options.name, admit)
      .then((request) => {
        clearTimeout(deadline);
        return this.options.serve(request, socketSink(socket), uploads ?? NO_UPLOADS, `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`);
      })
      .catch((err: unknown) => {
        clearTimeout(deadline);
        this.fail(socket, err);
      });
  }

  private fail(socket: net.Socket, err: unknown): void {
    if (socket.destroyed) return;
    const code = err instanceof TsmrError ? err.code : status.INTERNAL;
    const message = err instanceof Error ? err.message : String(err);
    if (code === status.INTERNAL) this.options.log.warn({ err }, `${this.options.name} request failed`);
    socket.end(errorFrame(code, message, this.options.errorMetadata?.(err)));
  }
}

/**
 * The request frame a reader sends first; rejects if the connection ends before it, it is
 * malformed, or `admit` throws. What follows it goes to the UploadQueue `admit` returns, or
 * is refused when it returns none.
 */
function readRequest<R>(socket: net.Socket, schema: z.ZodType<R>, name: string, admit: (request: R) => UploadQueue | undefined): Promise<R> {
  return new Promise((resolve, reject) => {
    let received: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const length = received.readUInt32BE(0);
      if (length > MAX_REQUEST_BYTES) return done(new InvalidArgumentError(`${name}: a request of ${length} bytes is too large`));
      if (received.length < 4 + length) return;
      let request: R;
      let queue: UploadQueue | undefined;
      try {
        request = decodeRequest(received.subarray(4, 4 + length), schema, name);
        queue = admit(request);
      } catch (err) {
        return done(err);
      }
      const rest = received.subarray(4 + length);
      if (rest.length > 0 && !queue) return done(new InvalidArgumentError(`${name}: bytes after the request`));
      done(undefined, request);
      // Taken over in this same 'data' event, so no chunk slips by between the two listeners.
      queue?.start(rest);
    };
    const onEnd = () => done(new UnavailableError(`${name}: the connection ended before its request`));
    const done = (err: unknown, request?: R) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      if (request) resolve(request);
      else reject(err);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
  });
}

/** The socket as a FrameSink: each chunk one DATA frame, its header written in place. */
function socketSink(socket: net.Socket): FrameSink {
  const gone = new Promise<never>((_, reject) => socket.once('close', () => reject(new UnavailableError('the reader went away'))));
  gone.catch(() => undefined);
  return {
    send: (data) => new Promise<void>((resolve, reject) => socket.write(dataFrameInPlace(data), (err) => (err ? reject(err) : resolve()))),
    end: () => socket.end(frameHeader(FRAME.END, 0)),
    gone,
  };
}

/** The source of a server without uploads: it never yields a frame. */
const NO_UPLOADS: FrameSource = { next: () => new Promise<never>(() => undefined) };

/**
 * The frames a reader uploads after its request, joined whole and queued for `serve`. The
 * connection is paused while more than UPLOAD_QUEUE_BYTES wait (each frame costing its
 * payload and QUEUED_FRAME_COST), so a reader cannot fill the server's memory; a frame
 * over the limit, or of a type other than DATA or END, fails the source.
 */
class UploadQueue implements FrameSource {
  private readonly frames: Buffer[] = [];
  private queuedBytes = 0;
  private ended = false;
  private failure: Error | undefined;
  private waiting: { resolve: (frame: Buffer | undefined) => void; reject: (err: Error) => void } | undefined;
  private readonly joiner: FrameJoiner;

  constructor(
    private readonly socket: net.Socket,
    maxFrameBytes: number,
  ) {
    this.joiner = new FrameJoiner(maxFrameBytes, (type, payload) => this.onFrame(type, payload));
  }

  /** Takes over the connection's bytes, starting with `rest` (what came after the request). */
  start(rest: Buffer): void {
    this.socket.on('data', (chunk: Buffer) => this.push(chunk));
    this.socket.once('close', () => this.fail(new UnavailableError('the reader went away')));
    if (rest.length > 0) this.push(rest);
  }

  /** The answer is sent: what the reader still sends is dropped until it closes, for LINGER_MS at most. */
  linger(): void {
    this.ended = true;
    this.frames.length = 0;
    this.socket.resume();
    setTimeout(() => this.socket.destroy(), LINGER_MS).unref();
  }

  next(): Promise<Buffer | undefined> {
    const frame = this.frames.shift();
    if (frame) {
      this.queuedBytes -= frame.length + QUEUED_FRAME_COST;
      if (this.socket.isPaused() && this.queuedBytes <= UPLOAD_QUEUE_BYTES) this.socket.resume();
      return Promise.resolve(frame);
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private push(chunk: Buffer): void {
    if (this.ended || this.failure) return;
    try {
      this.joiner.push(chunk);
    } catch (err) {
      this.fail(err as Error);
    }
  }

  private onFrame(type: number, payload: Buffer): void {
    if (this.ended || this.failure) return;
    if (type === FRAME.END) {
      this.ended = true;
      return this.wake(undefined);
    }
    if (type !== FRAME.DATA) return this.fail(new InvalidArgumentError(`an uploaded frame of type ${type}: only DATA and END may follow the request`));
    if (this.waiting) return this.wake(payload);
    this.frames.push(payload);
    this.queuedBytes += payload.length + QUEUED_FRAME_COST;
    if (this.queuedBytes > UPLOAD_QUEUE_BYTES) this.socket.pause();
  }

  private wake(frame: Buffer | undefined): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(frame);
  }

  private fail(err: Error): void {
    if (this.failure || this.ended) return;
    this.failure = err;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(err);
  }
}
