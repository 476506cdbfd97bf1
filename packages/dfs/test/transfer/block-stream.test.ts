// Reads through the block stream against real datanodes: exact byte ranges, the cluster
// secret, errors a reader can act on, and a datanode that keeps serving after readers that
// stop early or send garbage. (Writes through it: pipeline.test.ts; corrupt replicas:
// datanode.test.ts.)
import { FRAME, FRAME_HEADER_BYTES, FrameJoiner, InvalidArgumentError, NotFoundError, UnauthenticatedError, encodeRequest, frameHeader } from '@tsmr/common';
import { status } from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Datanode } from '../../src/datanode';
import { BlockWriter, closeTransferClients, readBlock } from '../../src/transfer';
import { computeChecksums } from '../../src/transfer/checksum';
import { packetFrameHead } from '../../src/transfer/packet';
import { startCluster, waitFor, type TestCluster } from '../datanode/helpers';

const BPC = 4096;
const MiB = 1024 * 1024;
const SECRET = 'block-stream-secret';

let cluster: TestCluster;
let node: Datanode;
/** 9 MiB + 123 bytes: three read buffers of the datanode, and a last partial chunk. */
const data = randomBytes(9 * MiB + 123);

beforeAll(async () => {
  cluster = await startCluster(1, { secret: SECRET });
  node = cluster.datanodes[0]!;
  const writer = new BlockWriter({ blockId: 'blk_1', pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test', secret: SECRET });
  await writer.write(data);
  await writer.finish();
});

afterAll(async () => {
  closeTransferClients();
  await cluster.stop();
});

async function read(blockId: string, offset: number, length: number, secret = SECRET): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readBlock({ address: node.address, streamAddress: node.streamAddress, blockId, offset, length, secret })) parts.push(part);
  return Buffer.concat(parts);
}

test.each([
  ['the whole block', 0, 0],
  ['one byte', 5, 1],
  ['a range off the chunk boundaries', BPC + 7, 3 * BPC + 11],
  ['across the datanode’s 4 MiB reads', 4 * MiB - 3, 4 * MiB + 10],
  ['to the end', 9 * MiB, 123],
  ['nothing, at the end', 9 * MiB + 123, 0],
])('reads %s exactly', async (_, offset, length) => {
  const expected = length === 0 ? data.subarray(offset) : data.subarray(offset, offset + length);
  expect((await read('blk_1', offset, length)).equals(expected)).toBe(true);
});

test('a reader without the cluster secret gets UNAUTHENTICATED and no bytes', async () => {
  await expect(read('blk_1', 0, 0, '')).rejects.toBeInstanceOf(UnauthenticatedError);
  await expect(read('blk_1', 0, 0, 'wrong')).rejects.toBeInstanceOf(UnauthenticatedError);
});

test('a missing block, a bad block id and a range past the end are errors naming the block', async () => {
  await expect(read('blk_999', 0, 0)).rejects.toBeInstanceOf(NotFoundError);
  await expect(read('../blk_1', 0, 0)).rejects.toBeInstanceOf(InvalidArgumentError);
  await expect(read('blk_1', 9 * MiB, 200)).rejects.toMatchObject({ code: status.OUT_OF_RANGE, message: expect.stringContaining('blk_1') });
});

test('a datanode gone is UNAVAILABLE, naming its stream address', async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${(closed.address() as net.AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const reading = (async () => {
    for await (const part of readBlock({ address: node.address, streamAddress: address, blockId: 'blk_1', offset: 0, length: 0, secret: SECRET })) void part;
  })();
  await expect(reading).rejects.toMatchObject({ code: status.UNAVAILABLE, message: expect.stringContaining(address) });
});

/** What the datanode answers to raw bytes sent on a fresh connection: the frames it sent before closing. */
function answerTo(bytes: Buffer): Promise<Buffer> {
  const [host, port] = node.streamAddress.split(':');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port: Number(port) }, () => socket.write(bytes));
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(received)));
  });
}

test('garbage and oversized requests get one INVALID_ARGUMENT error frame, and the datanode serves on', async () => {
  const garbage = Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('{oops')]);
  const oversized = Buffer.from([0xff, 0xff, 0xff, 0xff]);
  const notARequest = Buffer.concat([Buffer.from([0, 0, 0, 2]), Buffer.from('{}')]);
  for (const bytes of [garbage, oversized, notARequest]) {
    const answer = await answerTo(bytes);
    expect(answer[0]).toBe(FRAME.ERROR);
    expect(answer.readUInt32BE(1)).toBe(answer.length - FRAME_HEADER_BYTES);
    expect(JSON.parse(answer.subarray(FRAME_HEADER_BYTES).toString())).toMatchObject({ code: status.INVALID_ARGUMENT });
  }
  expect((await read('blk_1', 0, 100)).equals(data.subarray(0, 100))).toBe(true);
});

test('a read request followed by more bytes gets INVALID_ARGUMENT: only writes take uploads', async () => {
  const request = encodeRequest({ op: 'read', blockId: 'blk_1', offset: 0, length: 10, secret: SECRET });
  const answer = await answerTo(Buffer.concat([request, ...Array.from({ length: 1000 }, () => frameHeader(FRAME.DATA, 0))]));
  expect(answer[0]).toBe(FRAME.ERROR);
  expect(JSON.parse(answer.subarray(FRAME_HEADER_BYTES).toString())).toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringContaining('bytes after the request') });
});

test('a raw writer speaking the protocol stores its block; its keepalives (empty frames) are skipped', async () => {
  const block = randomBytes(3 * BPC + 5);
  const frames: Buffer[] = [encodeRequest({ op: 'write', blockId: 'blk_2', downstream: [], bytesPerChecksum: BPC, clientName: 'raw', secret: SECRET })];
  for (const [seqno, start, end] of [[0, 0, 2 * BPC], [1, 2 * BPC, block.length]] as const) {
    const data = block.subarray(start, end);
    frames.push(frameHeader(FRAME.DATA, 0), packetFrameHead({ seqno, offset: start, data, checksums: computeChecksums(data, BPC), last: seqno === 1 }), data);
  }
  // The datanode closes once it has sent END and this end closes, as a writer does.
  const answer: Array<{ type: number; payload: Buffer }> = [];
  new FrameJoiner(1024, (type, payload) => answer.push({ type, payload })).push(await answerTo(Buffer.concat(frames)));
  expect(answer.map((f) => [f.type, f.type === FRAME.DATA ? f.payload.readUInt32BE(0) : -1])).toEqual([
    [FRAME.DATA, 0],
    [FRAME.DATA, 1],
    [FRAME.END, -1],
  ]);
  expect((await read('blk_2', 0, 0)).equals(block)).toBe(true);
});

test('the datanode closes a connection once its last frame is sent, though the reader keeps its end open', async () => {
  const [host, port] = node.streamAddress.split(':');
  const socket = net.connect({ host, port: Number(port), allowHalfOpen: true });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined); // writing to the closed connection: EPIPE or ECONNRESET
  socket.write(encodeRequest({ op: 'read', blockId: 'blk_1', offset: 0, length: 10, secret: 'wrong' }));
  socket.resume(); // its error frame, read and dropped
  await new Promise((resolve) => socket.once('end', resolve));
  // A half-open connection would take these; a closed one refuses them and the socket closes.
  const poke = setInterval(() => socket.write('x'), 50);
  await closed;
  clearInterval(poke);
});

test('a reader that stops early ends its read on the datanode', async () => {
  for (let i = 0; i < 5; i++) {
    for await (const part of readBlock({ address: node.address, streamAddress: node.streamAddress, blockId: 'blk_1', offset: 0, length: 0, secret: SECRET })) {
      expect(part.length).toBeGreaterThan(0);
      break;
    }
  }
  // Heartbeats count the reads in progress: none once the readers are gone.
  const heartbeats = cluster.namenode.heartbeats.length;
  await waitFor(() => cluster.namenode.heartbeats.length > heartbeats + 1 && cluster.namenode.heartbeats.at(-1)!.activeTransfers === 0);
  expect((await read('blk_1', 0, 0)).equals(data)).toBe(true);
});
