// The reader's end of the block stream (see block-stream.ts): one connection per block
// range; the DATA frames' bytes are yielded as the socket delivers them (views of what it
// read; no message is reassembled). An ERROR frame is thrown as the error it names, with
// the same classes as a ReadBlock call's (DataLossError for a corrupt replica,
// NotFoundError...); a connection that fails, goes silent for a minute (HDFS's client
// socket timeout), or ends before END is an UnavailableError.
import { UnavailableError, errorOfCode } from '@tsmr/common';
import net from 'node:net';
import type { ReadBlockOptions } from './block-reader';
import { FRAME, FRAME_HEADER_BYTES, decodeError, encodeRequest } from './block-stream';

/** A datanode silent this long (connecting, or mid-range) is given up on. */
const READ_TIMEOUT_MS = 60_000;

/**
 * The bytes of [offset, offset + length) of the block from the datanode's block stream at
 * `streamAddress`, in order. Stopping the iteration early closes the connection.
 */
export async function* readBlockStream(options: ReadBlockOptions & { streamAddress: string }): AsyncGenerator<Buffer, void, undefined> {
  const { streamAddress, blockId, offset, length, secret, signal } = options;
  signal?.throwIfAborted();
  const colon = streamAddress.lastIndexOf(':');
  const socket = net.connect({ host: streamAddress.slice(0, colon), port: Number(streamAddress.slice(colon + 1)), noDelay: true });
  socket.setTimeout(READ_TIMEOUT_MS, () => socket.destroy(new UnavailableError(`block stream ${streamAddress}: no answer for ${READ_TIMEOUT_MS / 1000} s`)));
  const onAbort = () => socket.destroy(signal?.reason as Error);
  signal?.addEventListener('abort', onAbort);
  // Not ended after the request: the datanode would take a half-closed connection for a reader gone.
  socket.write(encodeRequest({ blockId, offset, length, secret: secret ?? '' }));
  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  let headerBytes = 0;
  /** The frame being read (0: between frames) and its payload bytes still to come. */
  let type = 0;
  let remaining = 0;
  const errorBody: Buffer[] = [];
  try {
    for await (const chunk of socket as AsyncIterable<Buffer>) {
      let at = 0;
      while (at < chunk.length) {
        if (type === 0) {
          const take = Math.min(FRAME_HEADER_BYTES - headerBytes, chunk.length - at);
          chunk.copy(header, headerBytes, at, at + take);
          headerBytes += take;
          at += take;
          if (headerBytes < FRAME_HEADER_BYTES) break;
          headerBytes = 0;
          type = header[0] as number;
          remaining = header.readUInt32BE(1);
          if (type === FRAME.END) return;
          if (type !== FRAME.DATA && type !== FRAME.ERROR) throw new UnavailableError(`block stream ${streamAddress}: unknown frame type ${type}`);
        } else {
          const take = Math.min(remaining, chunk.length - at);
          const piece = chunk.subarray(at, at + take);
          at += take;
          remaining -= take;
          if (type === FRAME.DATA) yield piece;
          else errorBody.push(piece);
        }
        if (type !== 0 && remaining === 0) {
          if (type === FRAME.ERROR) {
            const { code, message } = decodeError(Buffer.concat(errorBody));
            throw errorOfCode(code, message);
          }
          type = 0;
        }
      }
    }
    throw new UnavailableError(`block stream ${streamAddress}: the connection ended before the range did`);
  } catch (err) {
    signal?.throwIfAborted();
    if ((err as NodeJS.ErrnoException).syscall !== undefined) throw new UnavailableError(`block stream ${streamAddress}: ${(err as Error).message}`);
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    socket.destroy();
  }
}
