// Which way a worker's heartbeats go: gRPC first, then the heartbeat stream its reply names
// once it has connected, back to gRPC (at once, for the same heartbeat) when the stream
// fails, and to a restarted master's new stream once the retry delay has passed. The master is a stand-in: a gRPC
// function and a heartbeat stream server (common's FrameStreamServer) answering in-process.
import { status } from '@grpc/grpc-js';
import {
  FRAME_HEADER_BYTES,
  FrameStreamServer,
  HEARTBEAT_STREAM,
  HeartbeatStream,
  heartbeatStreamRequestSchema,
  masterProto,
  silentLogger,
  type HeartbeatReply__Output,
  type WorkerHeartbeat,
} from '@tsmr/common';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { MasterHeartbeat } from '../src/master-heartbeat';

const SECRET = 's3cret';
const { Heartbeat } = masterProto().WorkerProtocol.service;
const running: (() => unknown)[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()?.();
});

/** A master whose gRPC and stream answers say which way each heartbeat came, and whose stream can be restarted on a new port. */
async function standInMaster() {
  const heard: string[] = [];
  let streamPort = 0;
  let stream: FrameStreamServer<{ secret: string }> | undefined;
  const answer = (how: string): HeartbeatReply__Output => ({ assignments: [], killAttempts: [how], heartbeatIntervalMs: 1000, heartbeatPort: streamPort });
  const startStream = async () => {
    stream = new FrameStreamServer({
      name: HEARTBEAT_STREAM,
      host: '127.0.0.1',
      port: 0,
      secret: SECRET,
      log: silentLogger(),
      schema: heartbeatStreamRequestSchema,
      uploadLimit: () => 1 << 20,
      async serve(_request, sink, heartbeats) {
        for (let message = await heartbeats.next(); message; message = await heartbeats.next()) {
          Heartbeat.requestDeserialize(message);
          heard.push('stream');
          const encoded = Heartbeat.responseSerialize(answer('stream'));
          const room = Buffer.allocUnsafe(FRAME_HEADER_BYTES + encoded.length).subarray(FRAME_HEADER_BYTES);
          encoded.copy(room);
          await sink.send(room);
        }
      },
    });
    const address = await stream.start();
    streamPort = Number(address.split(':')[1]);
  };
  running.push(() => stream?.stop(0));
  return {
    heard,
    grpc: async (_request: WorkerHeartbeat) => {
      heard.push('grpc');
      return answer('grpc');
    },
    startStream,
    stopStream: () => stream!.stop(0),
  };
}

function masterHeartbeat(grpc: (request: WorkerHeartbeat) => Promise<HeartbeatReply__Output>, streamRetryMs?: number): MasterHeartbeat {
  const heartbeats = new MasterHeartbeat({ master: '127.0.0.1:1', secret: SECRET, grpc, log: silentLogger(), streamRetryMs });
  running.push(() => heartbeats.close());
  return heartbeats;
}

const beat: WorkerHeartbeat = { workerId: 'worker-a', shuffleAddress: '127.0.0.1:4000', slots: 2, freeSlots: 2, reports: [] };

/**
 * A loopback port that drops connection attempts, as a firewall does: the listener of a
 * stopped process, its accept queue (backlog 1: two connections) filled, so the kernel
 * drops further SYNs and a connect stays pending.
 */
async function blackHolePort(): Promise<number> {
  const listen = `const s = require('node:net').createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
    process.stdout.write(String(s.address().port), () => process.kill(process.pid, 'SIGSTOP'));
  });`;
  const child = spawn(process.execPath, ['-e', listen], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(() => child.kill('SIGKILL'));
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString()))));
  for (let i = 0; i < 2; i++) {
    const filler = net.connect(port, '127.0.0.1');
    filler.on('error', () => undefined);
    running.push(() => filler.destroy());
    await new Promise((resolve) => filler.once('connect', resolve));
  }
  return port;
}

/** Heartbeats until one goes over the stream (it has connected); the ways they went. */
async function untilStreaming(heartbeats: MasterHeartbeat): Promise<string[]> {
  const ways: string[] = [];
  for (let i = 0; i < 200 && ways.at(-1) !== 'stream'; i++) {
    ways.push((await heartbeats.heartbeat(beat)).killAttempts[0]!);
    if (ways.at(-1) !== 'stream') await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return ways;
}

test('the first heartbeat goes over gRPC, and once the stream its reply names has connected, the rest over it', async () => {
  const master = await standInMaster();
  await master.startStream();
  const heartbeats = masterHeartbeat(master.grpc);
  const ways = await untilStreaming(heartbeats);
  expect(ways[0]).toBe('grpc');
  expect(ways.at(-1)).toBe('stream');
  for (let i = 0; i < 4; i++) ways.push((await heartbeats.heartbeat(beat)).killAttempts[0]!);
  expect(ways.slice(-5)).toEqual(['stream', 'stream', 'stream', 'stream', 'stream']);
  expect(master.heard).toEqual(ways);
});

test('a named stream that refuses connections costs no heartbeat: they go over gRPC', async () => {
  const master = await standInMaster();
  await master.startStream();
  await master.stopStream(); // its port now refuses connections
  const heartbeats = masterHeartbeat(master.grpc);
  for (let i = 0; i < 5; i++) {
    await expect(heartbeats.heartbeat(beat)).resolves.toMatchObject({ killAttempts: ['grpc'] });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(master.heard).toEqual(['grpc', 'grpc', 'grpc', 'grpc', 'grpc']);
});

test('a master that names no stream is heartbeaten over gRPC only', async () => {
  const master = await standInMaster();
  const heartbeats = masterHeartbeat(master.grpc);
  for (let i = 0; i < 3; i++) await heartbeats.heartbeat(beat);
  expect(master.heard).toEqual(['grpc', 'grpc', 'grpc']);
});

test('a stream that fails: the heartbeat goes over gRPC at once, and a restarted stream is used after the retry delay', async () => {
  const master = await standInMaster();
  await master.startStream();
  const heartbeats = masterHeartbeat(master.grpc, 300);
  const before = await untilStreaming(heartbeats);
  await master.stopStream();
  await master.startStream(); // a new port, as after a master restart
  expect((await heartbeats.heartbeat(beat)).killAttempts).toEqual(['grpc']);
  expect((await heartbeats.heartbeat(beat)).killAttempts).toEqual(['grpc']); // within the retry delay
  await new Promise((resolve) => setTimeout(resolve, 350));
  const after = await untilStreaming(heartbeats); // over gRPC, whose reply names the new stream, then over it
  expect(after.at(-1)).toBe('stream');
  expect(master.heard).toEqual([...before, 'grpc', 'grpc', ...after]);
  // Every heartbeat was answered: the one the stopped stream failed went over gRPC at once.
  expect(master.heard.filter((way) => way === 'grpc').length).toBeGreaterThanOrEqual(4);
});

test('a stream that cannot connect within its timeout fails UNAVAILABLE', async () => {
  const stream = new HeartbeatStream(`127.0.0.1:${await blackHolePort()}`, SECRET, 200);
  running.push(() => stream.close());
  expect(stream.ready).toBe(false);
  await expect(stream.heartbeat(beat)).rejects.toMatchObject({ code: status.UNAVAILABLE, message: expect.stringContaining('not connected within') });
  expect(stream.failure).toBeDefined();
});

test('a named stream whose port drops connection attempts (a firewall) holds up no heartbeat: they go over gRPC', async () => {
  const port = await blackHolePort();
  const heard: string[] = [];
  const grpc = async (): Promise<HeartbeatReply__Output> => {
    heard.push('grpc');
    return { assignments: [], killAttempts: [], heartbeatIntervalMs: 1000, heartbeatPort: port };
  };
  const heartbeats = masterHeartbeat(grpc);
  // Sent on the pending stream, any of these would wait out its 10 s timeout (and this test's 5 s).
  for (let i = 0; i < 5; i++) {
    await heartbeats.heartbeat(beat);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(heard).toEqual(['grpc', 'grpc', 'grpc', 'grpc', 'grpc']);
}, 5000);
