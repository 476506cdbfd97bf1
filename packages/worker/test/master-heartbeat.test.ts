// Which way a worker's heartbeats go: gRPC first, then the heartbeat stream its reply names,
// back to gRPC (at once, for the same heartbeat) when the stream fails, and to a restarted
// master's new stream once the retry delay has passed. The master is a stand-in: a gRPC
// function and a heartbeat stream server (common's FrameStreamServer) answering in-process.
import {
  FRAME_HEADER_BYTES,
  FrameStreamServer,
  HEARTBEAT_STREAM,
  heartbeatStreamRequestSchema,
  masterProto,
  silentLogger,
  type HeartbeatReply__Output,
  type WorkerHeartbeat,
} from '@tsmr/common';
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

test('the first heartbeat goes over gRPC, the rest over the stream its reply names', async () => {
  const master = await standInMaster();
  await master.startStream();
  const heartbeats = masterHeartbeat(master.grpc);
  const replies = [];
  for (let i = 0; i < 5; i++) replies.push((await heartbeats.heartbeat(beat)).killAttempts[0]);
  expect(replies).toEqual(['grpc', 'stream', 'stream', 'stream', 'stream']);
  expect(master.heard).toEqual(replies);
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
  await heartbeats.heartbeat(beat);
  await heartbeats.heartbeat(beat);
  await master.stopStream();
  await master.startStream(); // a new port, as after a master restart
  expect((await heartbeats.heartbeat(beat)).killAttempts).toEqual(['grpc']);
  expect((await heartbeats.heartbeat(beat)).killAttempts).toEqual(['grpc']); // within the retry delay
  await new Promise((resolve) => setTimeout(resolve, 350));
  await heartbeats.heartbeat(beat); // over gRPC, whose reply names the new stream
  expect((await heartbeats.heartbeat(beat)).killAttempts).toEqual(['stream']);
  expect(master.heard).toEqual(['grpc', 'stream', 'grpc', 'grpc', 'grpc', 'stream']);
});
