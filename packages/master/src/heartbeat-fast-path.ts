// WorkerProtocol/Heartbeat served straight off its HTTP/2 stream, beside grpc-js on the same
// port and sessions: a busy master answers thousands of heartbeats a second, and grpc-js's
// server stack (interceptors, Metadata, channelz, a call object and its listeners per call)
// cost ≈ 55 µs of CPU per call on top of node:http2's own ≈ 100 µs (a trivial handler,
// measured both ways). Every other call, and any heartbeat this path does not take
// (compressed, say), goes to grpc-js as before.
//
// The wire format is gRPC's: a length-prefixed message each way, the status in trailers
// (or alone in the headers, for a call that fails before it has a reply). The request is
// decoded and the reply encoded by the same functions grpc-js would use.
import {
  InvalidArgumentError,
  MAX_MESSAGE_BYTES,
  SECRET_METADATA_KEY,
  TsmrError,
  UnauthenticatedError,
  WRONG_SECRET_MESSAGE,
  secretMatches,
  toServiceError,
  type Logger,
  type RpcServer,
} from '@tsmr/common';
import type { HeartbeatReply__Output, WorkerHeartbeat__Output } from '@tsmr/common';
import type * as http2 from 'node:http2';

export interface HeartbeatMethod {
  path: string;
  requestDeserialize(bytes: Buffer): WorkerHeartbeat__Output;
  responseSerialize(reply: HeartbeatReply__Output): Buffer;
}

/** What answers one heartbeat: `peer` is the caller's address:port. */
export type HeartbeatHandler = (request: WorkerHeartbeat__Output, peer: string) => Promise<HeartbeatReply__Output>;

// gRPC status codes.
const OK_STATUS = 0;
const RESOURCE_EXHAUSTED = 8;
const INTERNAL = 13;
const RESPONSE_HEADERS = { ':status': 200, 'content-type': 'application/grpc+proto' };
const OK_TRAILERS = { 'grpc-status': String(OK_STATUS) };

/**
 * Takes the Heartbeat streams of a started RpcServer's http2 servers. They are private (the
 * RpcServer's grpc.Server, its http2Servers, their 'stream' listeners): the listeners are
 * wrapped, and get every other stream. False, and nothing changed, when those internals are
 * not where RpcServer and grpc-js 1.x keep them.
 */
export function serveHeartbeatsDirectly(
  rpcServer: RpcServer,
  method: HeartbeatMethod,
  secret: string | undefined,
  handle: HeartbeatHandler,
  log: Logger,
): boolean {
  const grpcServer = (rpcServer as unknown as { server?: { http2Servers?: unknown } }).server;
  const servers = grpcServer?.http2Servers;
  if (!(servers instanceof Map) || servers.size === 0) return false;
  for (const server of servers.keys() as IterableIterator<http2.Http2Server>) {
    const grpcListeners = server.listeners('stream') as ((...args: unknown[]) => void)[];
    server.removeAllListeners('stream');
    server.on('stream', (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, ...rest: unknown[]) => {
      if (headers[':path'] === method.path && isPlainGrpc(headers)) return serve(stream, headers);
      for (const listener of grpcListeners) listener.call(server, stream, headers, ...rest);
    });
  }
  return true;

  function serve(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', () => {}); // a reset by the caller: there is no one left to answer
    if (!secretMatches(secret, headers[SECRET_METADATA_KEY])) return fail(stream, new UnauthenticatedError(WRONG_SECRET_MESSAGE));
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MESSAGE_BYTES + 5) chunks.push(chunk);
    });
    stream.on('end', () => {
      let request: WorkerHeartbeat__Output;
      try {
        request = method.requestDeserialize(oneMessage(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), size));
      } catch (err) {
        return fail(stream, err);
      }
      const socket = stream.session?.socket;
      handle(request, `${socket?.remoteAddress ?? ''}:${socket?.remotePort ?? ''}`).then(
        (reply) => answer(stream, method.responseSerialize(reply)),
        (err) => fail(stream, err),
      );
    });
  }

  function answer(stream: http2.ServerHttp2Stream, message: Buffer): void {
    if (stream.destroyed || stream.closed) return;
    const frame = Buffer.allocUnsafe(5 + message.length);
    frame[0] = 0; // not compressed
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, 5);
    stream.respond(RESPONSE_HEADERS, { waitForTrailers: true });
    stream.once('wantTrailers', () => stream.sendTrailers(OK_TRAILERS));
    stream.end(frame);
  }

  function fail(stream: http2.ServerHttp2Stream, err: unknown): void {
    const { code = INTERNAL, details = '' } = toServiceError(err);
    if (code === INTERNAL) log.error({ err, method: 'Heartbeat' }, 'rpc handler failed');
    if (stream.destroyed || stream.closed || stream.headersSent) return;
    // Trailers-only: the status in the one HEADERS frame, which ends the stream.
    stream.respond({ ...RESPONSE_HEADERS, 'grpc-status': String(code), 'grpc-message': encodeURIComponent(details) }, { endStream: true });
  }
}

/** Uncompressed gRPC: what grpc-js clients send unless told to compress. */
function isPlainGrpc(headers: http2.IncomingHttpHeaders): boolean {
  const encoding = headers['grpc-encoding'];
  return headers['content-type']?.startsWith('application/grpc') === true && (encoding === undefined || encoding === 'identity');
}

/** The one uncompressed message of a unary request body. */
function oneMessage(body: Buffer, size: number): Buffer {
  if (size > MAX_MESSAGE_BYTES + 5) throw new TsmrError(RESOURCE_EXHAUSTED, `request of ${size} bytes is larger than the ${MAX_MESSAGE_BYTES} allowed`);
  if (body.length < 5 || body[0] !== 0 || body.readUInt32BE(1) !== body.length - 5) throw new InvalidArgumentError('not one uncompressed gRPC message');
  return body.subarray(5);
}
