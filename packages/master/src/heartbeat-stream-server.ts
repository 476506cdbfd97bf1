// The master's end of the heartbeat stream (see packages/common/src/heartbeat-stream.ts):
// each worker's connection answers its heartbeats one after another, with the same handler,
// decoder and reply encoder as WorkerProtocol/Heartbeat over gRPC.
import {
  FRAME_HEADER_BYTES,
  FrameStreamServer,
  HEARTBEAT_STREAM,
  InvalidArgumentError,
  MAX_MESSAGE_BYTES,
  heartbeatStreamRequestSchema,
  type HeartbeatStreamRequest,
  type Logger,
  type WorkerHeartbeat__Output,
} from '@tsmr/common';
import { encodeHeartbeatReply } from './heartbeat-reply-encoder';
import { decodeWorkerHeartbeat } from './heartbeat-request-decoder';
import type { HeartbeatHandler } from './worker-protocol-service';

export interface HeartbeatStreamServerOptions {
  host: string;
  /** 0: the OS picks a free port. */
  port: number;
  secret: string | undefined;
  handle: HeartbeatHandler;
  log: Logger;
}

export function heartbeatStreamServer(options: HeartbeatStreamServerOptions): FrameStreamServer<HeartbeatStreamRequest> {
  const decode = (message: Buffer): WorkerHeartbeat__Output => {
    try {
      return decodeWorkerHeartbeat(message);
    } catch (err) {
      throw new InvalidArgumentError(`${HEARTBEAT_STREAM}: a frame that is not a WorkerHeartbeat (${(err as Error).message})`);
    }
  };
  return new FrameStreamServer({
    name: HEARTBEAT_STREAM,
    host: options.host,
    port: options.port,
    secret: options.secret,
    log: options.log,
    schema: heartbeatStreamRequestSchema,
    uploadLimit: () => MAX_MESSAGE_BYTES,
    async serve(_request, sink, heartbeats, peer) {
      // Each heartbeat is answered in a call of its own, and this loop keeps nothing of it:
      // what a loop's frame held (the last request, its reply) would stay alive while it
      // awaits the worker's next heartbeat, an interval later, and V8 would copy it into its
      // old generation.
      const answer = async (message: Buffer | undefined): Promise<boolean> => {
        if (!message) return false;
        const reply = await options.handle(decode(message), peer);
        await sink.send(encodeHeartbeatReply(reply, FRAME_HEADER_BYTES));
        return true;
      };
      while (await answer(await heartbeats.next()));
      sink.end();
    },
  });
}
