// The frame stream on its own, with an in-process server (its users' tests, block-stream
// and shuffle, run it inside real daemons): a request dripped past its deadline, a reader
// that stops reading, frames cut at every byte, errors thrown as their classes, and
// uploads (frames a reader sends after its request) joined whole and bounded.
import net from 'node:net';
import { z } from 'zod';
import {
  FRAME,
  FrameJoiner,
  FrameStreamServer,
  NotFoundError,
  UnavailableError,
  dataFrameInPlace,
  encodeRequest,
  errorFrame,
  frameHeader,
  decodeError,
  readFrameStream,
  silentLogger,
  type FrameSink,
  type FrameSource,
} from '../src';

const schema = z.object({ bytes: z.number(), secret: z.string() });
type Request = z.infer<typeof schema>;

const running: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()?.();
});

/** A server answering { bytes: n } with n bytes of 7s in 64 KiB frames; `served` settles as each answer ends. */
async function startServer(options: { requestTimeoutMs?: number; idleTimeoutMs?: number } = {}) {
  const settled: Array<'done' | 'failed'> = [];
  const serve = async ({ bytes }: Request, sink: FrameSink) => {
    try {
      for (let sent = 0; sent < bytes; sent += 65536) {
        const chunk = Buffer.alloc(5 + Math.min(65536, bytes - sent), 7).subarray(5);
        await Promise.race([sink.send(chunk), sink.gone]);
      }
      sink.end();
      settled.push('done');
    } catch (err) {
      settled.push('failed');
      throw err;
    }
  };
  const server = new FrameStreamServer({ name: 'test stream', host: '127.0.0.1', port: 0, secret: undefined, log: silentLogger(), schema, serve, ...options });
  const address = await server.start();
  running.push(() => server.stop(0));
  return { address, settled };
}

/** A raw TCP server that sends `bytes` one byte at a time, then closes. */
async function startDripServer(bytes: Buffer): Promise<string> {
  const server = net.createServer((socket) => {
    socket.once('data', async () => {
      for (const byte of bytes) {
        socket.write(Buffer.from([byte]));
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push(() => new Promise((resolve) => server.close(resolve)));
  return `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function readAll(address: string, request: Request): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readFrameStream(address, 'test stream', request)) parts.push(part);
  return Buffer.concat(parts);
}

test('an answer of many frames arrives whole', async () => {
  const { address } = await startServer();
  const answer = await readAll(address, { bytes: 1_000_000, secret: '' });
  expect(answer.length).toBe(1_000_000);
  expect(answer.every((b) => b === 7)).toBe(true);
});

test('frames cut at every byte are read back, empty DATA frames included, and an ERROR frame is thrown as its class', async () => {
  const data = Buffer.from('hello, frames');
  const frames = Buffer.concat([
    dataFrameInPlace(Buffer.concat([Buffer.alloc(5), data]).subarray(5)),
    frameHeader(FRAME.DATA, 0),
    dataFrameInPlace(Buffer.concat([Buffer.alloc(5), data]).subarray(5)),
    frameHeader(FRAME.END, 0),
  ]);
  expect((await readAll(await startDripServer(frames), { bytes: 0, secret: '' })).toString()).toBe('hello, frameshello, frames');
  const failing = await startDripServer(Buffer.concat([dataFrameInPlace(Buffer.concat([Buffer.alloc(5), data]).subarray(5)), errorFrame(5, 'no such thing')]));
  await expect(readAll(failing, { bytes: 0, secret: '' })).rejects.toThrow(new NotFoundError('no such thing'));
  const cut = await startDripServer(dataFrameInPlace(Buffer.concat([Buffer.alloc(5), data]).subarray(5)));
  await expect(readAll(cut, { bytes: 0, secret: '' })).rejects.toBeInstanceOf(UnavailableError);
  // Type 0 is no frame of ours (the cutter once took it for "between frames" and read its payload as headers).
  const typeZero = await startDripServer(Buffer.concat([frameHeader(0, 3), Buffer.from('abc'), frameHeader(FRAME.END, 0)]));
  await expect(readAll(typeZero, { bytes: 0, secret: '' })).rejects.toThrow(/unknown frame type 0/);
});

test('a request dripped past its deadline is cut, and the server answers the next reader', async () => {
  const { address } = await startServer({ requestTimeoutMs: 200 });
  const [host, port] = address.split(':');
  const socket = net.connect({ host, port: Number(port) });
  socket.on('error', () => undefined);
  const received: Buffer[] = [];
  socket.on('data', (chunk) => received.push(chunk));
  const request = encodeRequest({ bytes: 10, secret: '' });
  // One byte every 50 ms: the connection is never idle, yet the whole request would take
  // over a second.
  let sent = 0;
  const drip = setInterval(() => sent < request.length && socket.write(request.subarray(sent, ++sent)), 50);
  await new Promise((resolve) => socket.once('close', resolve));
  clearInterval(drip);
  expect(sent).toBeLessThan(request.length);
  expect(received).toEqual([]);
  expect((await readAll(address, { bytes: 10, secret: '' })).length).toBe(10);
});

test('a reader that stops reading is cut after the idle timeout, which ends its answer on the server', async () => {
  const { address, settled } = await startServer({ idleTimeoutMs: 300 });
  const [host, port] = address.split(':');
  const socket = net.connect({ host, port: Number(port) });
  socket.on('error', () => undefined);
  socket.write(encodeRequest({ bytes: 256 * 1024 * 1024, secret: '' }));
  socket.pause(); // reads nothing: the server's writes stop completing once the buffers fill
  const giveUpAt = Date.now() + 10_000;
  while (settled.length === 0 && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(settled).toEqual(['failed']);
  socket.destroy();
});

/**
 * A server that takes uploads of up to 256 KiB a frame and echoes each one back, then END;
 * `uploadsTaken` counts the requests it took uploads for.
 */
async function startEchoServer(secret?: string) {
  let uploadsTaken = 0;
  const serve = async (_: Request, sink: FrameSink, source: FrameSource) => {
    // Each payload goes back through dataFrameInPlace: it must have room for its header.
    for (let frame = await source.next(); frame; frame = await source.next()) await sink.send(frame);
    sink.end();
  };
  const server = new FrameStreamServer({
    name: 'echo stream',
    host: '127.0.0.1',
    port: 0,
    secret,
    log: silentLogger(),
    schema,
    serve,
    uploadLimit: () => {
      uploadsTaken++;
      return 256 * 1024;
    },
    errorMetadata: (err) => ({ seen: String((err as Error).message.length) }),
  });
  const address = await server.start();
  running.push(() => server.stop(0));
  return { address, uploadsTaken: () => uploadsTaken };
}

/** Sends `pieces` on a fresh connection, one per event-loop turn, and resolves to the frames that come back before it closes. */
function exchange(address: string, pieces: Buffer[]): Promise<Array<{ type: number; payload: Buffer }>> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const frames: Array<{ type: number; payload: Buffer }> = [];
    const joiner = new FrameJoiner(1 << 20, (type, payload) => frames.push({ type, payload: Buffer.from(payload) }));
    const socket = net.connect({ host, port: Number(port) }, async () => {
      for (const piece of pieces) {
        if (socket.destroyed) break;
        socket.write(piece);
        await new Promise((r) => setImmediate(r));
      }
    });
    socket.on('data', (chunk: Buffer) => joiner.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(frames));
  });
}

const dataFrame = (payload: Buffer) => Buffer.concat([frameHeader(FRAME.DATA, payload.length), payload]);

/** `bytes` cut into pieces of 1, 2, 3... bytes, then the rest. */
function cutUnevenly(bytes: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0, n = 1; at < bytes.length; at += n, n = n < 40 ? n + 1 : 70_000) pieces.push(bytes.subarray(at, at + n));
  return pieces;
}

test('a server that takes uploads gets the frames whole and in order, however the bytes are cut', async () => {
  const { address } = await startEchoServer();
  const payloads = [Buffer.from('a'), Buffer.alloc(0), Buffer.alloc(200_000, 3), Buffer.from('tail'), Buffer.alloc(70_000, 9)];
  const upload = Buffer.concat([encodeRequest({ bytes: 0, secret: '' }), ...payloads.map(dataFrame), frameHeader(FRAME.END, 0)]);
  for (const pieces of [[upload], cutUnevenly(upload)]) {
    const answer = await exchange(address, pieces);
    expect(answer.map((f) => f.type)).toEqual([...payloads.map(() => FRAME.DATA), FRAME.END]);
    answer.slice(0, -1).forEach((frame, i) => expect(frame.payload.equals(payloads[i]!)).toBe(true));
  }
});

test('an uploaded frame over the limit, or of an unknown type, gets one INVALID_ARGUMENT error frame with its metadata', async () => {
  const { address } = await startEchoServer();
  const request = encodeRequest({ bytes: 0, secret: '' });
  for (const bad of [frameHeader(FRAME.DATA, 256 * 1024 + 1), frameHeader(9, 1)]) {
    const answer = await exchange(address, [request, dataFrame(Buffer.from('ok')), bad, Buffer.alloc(1)]);
    expect(answer.map((f) => f.type)).toEqual([FRAME.DATA, FRAME.ERROR]);
    const error = decodeError(answer[1]!.payload);
    expect(error).toMatchObject({ code: 3, metadata: { seen: String(error.message.length) } });
  }
});

test('a reader with the wrong secret is refused before any upload is taken: no buffer for the frame it announces', async () => {
  const { address, uploadsTaken } = await startEchoServer('the-secret');
  // A request, then the header of the largest frame allowed and one byte of it, in one packet.
  const answer = await exchange(address, [Buffer.concat([encodeRequest({ bytes: 0, secret: 'wrong' }), frameHeader(FRAME.DATA, 256 * 1024), Buffer.alloc(1)])]);
  expect(answer).toHaveLength(1);
  expect(decodeError(answer[0]!.payload)).toMatchObject({ code: 16 }); // UNAUTHENTICATED
  expect(uploadsTaken()).toBe(0);
  expect(await exchange(address, [encodeRequest({ bytes: 0, secret: 'the-secret' }), dataFrame(Buffer.from('ok')), frameHeader(FRAME.END, 0)])).toHaveLength(2);
  expect(uploadsTaken()).toBe(1);
});

test('a server without uploads refuses bytes after the request', async () => {
  const { address } = await startServer();
  const answer = await exchange(address, [Buffer.concat([encodeRequest({ bytes: 10, secret: '' }), dataFrame(Buffer.from('x'))])]);
  expect(answer).toHaveLength(1);
  expect(decodeError(answer[0]!.payload)).toMatchObject({ code: 3, message: expect.stringContaining('bytes after the request') });
});
