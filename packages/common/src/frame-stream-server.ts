// The server end of a frame stream (see frame-stream.ts): takes one request per
// connection, checks it (its schema, then the cluster secret) and hands it to `serve` with
// a FrameSink; a failure is one ERROR frame. A connection that sends no whole request in
// time, or a malformed one, is closed; so is one whose reader stops reading (no write
// completes for a long while), which ends its answer; and every connection is closed once
// its last frame is sent.
import { status } from '@grpc/grpc-js';
import net from 'node:net';
import type { z } from 'zod';
import { InvalidArgumentError, TsmrError, UnauthenticatedError, UnavailableError } from './errors';
import { FRAME, MAX_REQUEST_BYTES, dataFrameInPlace, decodeRequest, errorFrame, frameHeader, type FrameSink } from './frame-stream';
import type { Logger } from './log';
import { WRONG_SECRET_MESSAGE, secretMatches } from './rpc';

/** A reader must send its whole request within this long of connecting. */
const REQUEST_TIMEOUT_MS = 10_000;
/** An answer with no write completing for this long is cut (HDFS's socket write timeout is 8 minutes). */
const IDLE_TIMEOUT_MS = 8 * 60_000;

export interface FrameStreamServerOptions<R extends { secret: string }> {
  /** What the stream is, for messages ("block stream", "shuffle"). */
  name: string;
  host: string;
  port: number;
  secret: string | undefined;
  log: Logger;
  schema: z.ZodType<R>;
  serve(request: R, sink: FrameSink): Promise<void>;
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
    // The last frame written, the connection is done, whether or not the reader closes it.
    socket.once('finish', () => socket.destroy());
    const deadline = setTimeout(() => socket.destroy(), this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
    readRequest(socket, this.options.schema, this.options.name)
      .then((request) => {
        clearTimeout(deadline);
        if (!secretMatches(this.options.secret, request.secret)) throw new UnauthenticatedError(WRONG_SECRET_MESSAGE);
        return this.options.serve(request, socketSink(socket));
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
    socket.end(errorFrame(code, message));
  }
}

/** The request frame a reader sends first; rejects if the connection ends before it or it is malformed. */
function readRequest<R>(socket: net.Socket, schema: z.ZodType<R>, name: string): Promise<R> {
  return new Promise((resolve, reject) => {
    let received: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const length = received.readUInt32BE(0);
      if (length > MAX_REQUEST_BYTES) return done(new InvalidArgumentError(`${name}: a request of ${length} bytes is too large`));
      if (received.length < 4 + length) return;
      if (received.length > 4 + length) return done(new InvalidArgumentError(`${name}: bytes after the request`));
      try {
        done(undefined, decodeRequest(received.subarray(4), schema, name));
      } catch (err) {
        done(err);
      }
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
