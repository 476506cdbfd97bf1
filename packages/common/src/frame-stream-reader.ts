// The reader's end of a frame stream (see frame-stream.ts): one connection per request;
// the DATA frames' bytes are yielded as the socket delivers them (views of what it read;
// no message is reassembled). An ERROR frame is thrown as the error it names, with the
// same classes as a gRPC call's (DataLossError, NotFoundError...); a connection that
// fails, goes silent for too long (a minute by default, HDFS's client socket timeout), or
// ends before END is an UnavailableError naming the address.
import { UnavailableError, errorOfCode } from './errors';
import { FRAME, FrameCutter, connectFrameStream, decodeError, encodeRequest } from './frame-stream';

/** By default a server silent this long (connecting, or mid-answer) is given up on. */
const READ_TIMEOUT_MS = 60_000;

/**
 * The answer to `request` from the frame stream at `address` (host:port), in order.
 * `name` says what the stream is, for messages. Stopping the iteration early closes the
 * connection; so does `signal`.
 */
export async function* readFrameStream(
  address: string,
  name: string,
  request: { secret: string },
  signal?: AbortSignal,
  timeoutMs = READ_TIMEOUT_MS,
): AsyncGenerator<Buffer, void, undefined> {
  signal?.throwIfAborted();
  const socket = connectFrameStream(address);
  socket.setTimeout(timeoutMs, () => socket.destroy(new UnavailableError(`${name} ${address}: no answer for ${timeoutMs / 1000} s`)));
  const onAbort = () => socket.destroy(signal?.reason as Error);
  signal?.addEventListener('abort', onAbort);
  // Not ended after the request: the server would take a half-closed connection for a reader gone.
  socket.write(encodeRequest(request));
  const cutter = new FrameCutter();
  const errorBody: Buffer[] = [];
  try {
    for await (const chunk of socket as AsyncIterable<Buffer>) {
      const pieces: Buffer[] = [];
      let ended = false;
      let failure: Error | undefined;
      cutter.push(chunk, (type, piece, start, length) => {
        if (ended || failure) return;
        if (type === FRAME.DATA) {
          if (piece.length > 0) pieces.push(piece);
        } else if (type === FRAME.END) {
          ended = true;
        } else if (type === FRAME.ERROR) {
          errorBody.push(piece);
          if (start + piece.length < length) return;
          const { code, message } = decodeError(Buffer.concat(errorBody));
          failure = errorOfCode(code, message);
        } else {
          failure = new UnavailableError(`${name} ${address}: unknown frame type ${type}`);
        }
      });
      for (const piece of pieces) yield piece;
      if (failure) throw failure;
      if (ended) return;
    }
    throw new UnavailableError(`${name} ${address}: the connection ended before the answer did`);
  } catch (err) {
    signal?.throwIfAborted();
    if ((err as NodeJS.ErrnoException).syscall !== undefined) throw new UnavailableError(`${name} ${address}: ${(err as Error).message}`);
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    socket.destroy();
  }
}
