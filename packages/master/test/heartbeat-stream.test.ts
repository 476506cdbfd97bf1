// The heartbeat stream: the master's server (with a stand-in handler) and the workers'
// HeartbeatStream client, over loopback. Heartbeats are answered in order on one
// connection; a wrong secret, a malformed frame, a failed handler, a silent master and a
// stopped one each break the connection with the error a gRPC heartbeat would get. Then a
// real master, whose gRPC reply names the stream a job's heartbeats then go over.
import { status } from '@grpc/grpc-js';
import {
  HeartbeatStream,
  InvalidArgumentError,
  encodeRequest,
  frameHeader,
  FRAME,
  FrameJoiner,
  decodeError,
  silentLogger,
  type HeartbeatReply__Output,
  type WorkerHeartbeat__Output,
} from '@tsmr/common';
import net from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { heartbeatStreamServer } from '../src/heartbeat-stream-server';
import type { HeartbeatHandler } from '../src/worker-protocol-service';
import { FakeWorker, runJob, startMiniDfs, startTestMaster, stopAll, submit, writeInput, type WorkerApi } from './harness';

// The test of what a waiting connection holds runs a full GC.
setFlagsFromString('--expose-gc');

const SECRET = 'heartbeat-secret';
const running: (() => unknown)[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()?.();
  await stopAll();
});

/** A reply told apart by `n`: it kills the attempt of map n. */
const reply = (n: number): HeartbeatReply__Output => ({
  assignments: [],
  killAttempts: [`attempt_20261201000000_0001_m_${String(n).padStart(6, '0')}_0`],
  heartbeatIntervalMs: 1000,
  heartbeatPort: 0,
});

/** A server whose handler records each heartbeat and answers with a kill naming its count. */
async function startServer(handle?: HeartbeatHandler) {
  const seen: { request: WorkerHeartbeat__Output; peer: string }[] = [];
  const server = heartbeatStreamServer({
    host: '127.0.0.1',
    port: 0,
    secret: SECRET,
    log: silentLogger(),
    handle:
      handle ??
      (async (request, peer) => {
        seen.push({ request, peer });
        return reply(seen.length);
      }),
  });
  const address = await server.start();
  running.push(() => server.stop(0));
  return { address, seen, stop: () => server.stop(0) };
}

function client(address: string, secret = SECRET, timeoutMs?: number): HeartbeatStream {
  const stream = new HeartbeatStream(address, secret, timeoutMs);
  running.push(() => stream.close());
  return stream;
}

const beat = (n: number) => ({ workerId: 'worker-a', shuffleAddress: '127.0.0.1:4000', slots: 4, freeSlots: n % 5, reports: [] });

test('heartbeats on one connection are answered in order, each with its own reply', async () => {
  const { address, seen } = await startServer();
  const stream = client(address);
  for (let n = 1; n <= 50; n++) {
    const answer = await stream.heartbeat(beat(n));
    expect(answer).toEqual(reply(n));
  }
  expect(seen.map((s) => s.request.freeSlots)).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) % 5));
  expect(seen[0]!.request).toMatchObject({ workerId: 'worker-a', shuffleAddress: '127.0.0.1:4000', slots: 4 });
  expect(seen[0]!.peer).toMatch(/^127\.0\.0\.1:\d+$/);
});

test('while a connection waits for its next heartbeat, the server holds neither the last request nor its reply', async () => {
  // A busy master's connections each wait an interval between heartbeats: whatever they hold
  // meanwhile outlives the young generation and is copied into the old one.
  const gc = runInNewContext('gc') as () => void;
  let held: { request: WeakRef<object>; reply: WeakRef<object> } | undefined;
  const { address } = await startServer(async (request) => {
    const answer = reply(1);
    held = { request: new WeakRef(request), reply: new WeakRef(answer) };
    return answer;
  });
  const stream = client(address);
  expect(await stream.heartbeat(beat(1))).toEqual(reply(1));
  // Weak references are cleared only once the job that made them has ended.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  expect(held!.request.deref()).toBeUndefined();
  expect(held!.reply.deref()).toBeUndefined();
});

test('a wrong secret is UNAUTHENTICATED, and the handler never runs', async () => {
  const { address, seen } = await startServer();
  const stream = client(address, 'not-the-secret');
  await expect(stream.heartbeat(beat(1))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  await expect(stream.heartbeat(beat(2))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  expect(seen).toHaveLength(0);
});

test('a failed heartbeat ends its connection with the error; the server serves the next one', async () => {
  let calls = 0;
  const { address } = await startServer(async () => {
    if (++calls === 2) throw new InvalidArgumentError('worker_id is empty');
    return reply(calls);
  });
  const first = client(address);
  await first.heartbeat(beat(1));
  await expect(first.heartbeat(beat(2))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringContaining('worker_id is empty') });
  await expect(first.heartbeat(beat(3))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  await expect(client(address).heartbeat(beat(4))).resolves.toMatchObject({ heartbeatIntervalMs: 1000 });
});

test('a frame that is not a WorkerHeartbeat gets one INVALID_ARGUMENT frame, and the connection closes', async () => {
  const { address, seen } = await startServer();
  const socket = net.connect(Number(address.split(':')[1]), '127.0.0.1');
  running.push(() => socket.destroy());
  const frames: { type: number; payload: Buffer }[] = [];
  const joiner = new FrameJoiner(1 << 20, (type, payload) => frames.push({ type, payload: Buffer.from(payload) }));
  socket.on('data', (chunk: Buffer) => joiner.push(chunk));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff]);
  socket.write(Buffer.concat([encodeRequest({ secret: SECRET }), frameHeader(FRAME.DATA, garbage.length), garbage]));
  await closed;
  expect(frames).toHaveLength(1);
  expect(frames[0]!.type).toBe(FRAME.ERROR);
  expect(decodeError(frames[0]!.payload)).toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringContaining('not a WorkerHeartbeat') });
  expect(seen).toHaveLength(0);
});

test('a master that does not answer within the timeout: DEADLINE_EXCEEDED, and the connection is dropped', async () => {
  const { address } = await startServer(() => new Promise<never>(() => undefined));
  const stream = client(address, SECRET, 200);
  await expect(stream.heartbeat(beat(1))).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
  await expect(stream.heartbeat(beat(2))).rejects.toMatchObject({ code: status.DEADLINE_EXCEEDED });
});

test('a master that stops: the heartbeat waiting on it, and every later one, is UNAVAILABLE', async () => {
  let answer: (() => void) | undefined;
  const { address, stop } = await startServer(
    () =>
      new Promise((resolve) => {
        answer = () => resolve(reply(1));
      }),
  );
  const stream = client(address);
  const waiting = stream.heartbeat(beat(1));
  while (!answer) await new Promise((resolve) => setTimeout(resolve, 5));
  await stop();
  await expect(waiting).rejects.toMatchObject({ code: status.UNAVAILABLE });
  await expect(stream.heartbeat(beat(2))).rejects.toMatchObject({ code: status.UNAVAILABLE });
  await expect(client(address).heartbeat(beat(3))).rejects.toMatchObject({ code: status.UNAVAILABLE });
});

test('a real master names its stream in a gRPC reply, and a job runs to its end with every later heartbeat over it', async () => {
  const dfs = await startMiniDfs(1);
  const m = await startTestMaster(dfs, { secret: SECRET });
  await writeInput(dfs.dfs, '/in/a.txt', 5000);
  await writeInput(dfs.dfs, '/in/b.txt', 100);
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 2 });
  const identity = { workerId: 'w1', shuffleAddress: '127.0.0.1:7001', datanodeId: '', slots: 4 };
  const { heartbeatPort } = await m.worker.Heartbeat({ ...identity, freeSlots: 0, reports: [] });
  expect(heartbeatPort).toBeGreaterThan(0);
  const stream = client(`127.0.0.1:${heartbeatPort}`);
  let overStream = 0;
  const api = {
    Heartbeat: (request: Parameters<WorkerApi['Heartbeat']>[0]) => {
      overStream++;
      return stream.heartbeat(request);
    },
  } as WorkerApi;
  const status = await runJob(dfs.dfs, m.client, jobId, [new FakeWorker(api, identity.workerId, identity.datanodeId, identity.shuffleAddress)]);
  expect(status).toMatchObject({ state: 'SUCCEEDED', mapsTotal: 3, mapsDone: 3, reducesDone: 2 });
  expect(status.counters).toMatchObject({ RECORDS: 50 });
  expect((await dfs.dfs.list('/out')).map((f) => f.path).sort()).toEqual(['/out/_SUCCESS', '/out/part-r-00000', '/out/part-r-00001']);
  expect(overStream).toBeGreaterThan(5);
});
