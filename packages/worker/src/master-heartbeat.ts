// How a worker's heartbeats reach the master: over gRPC until a reply names the master's
// heartbeat stream (see packages/common/src/heartbeat-stream.ts), then over that stream. A
// heartbeat the stream fails is sent again at once over gRPC, which stays in use for
// STREAM_RETRY_MS before the stream is tried again: a master that restarted is found on its
// gRPC port and names its new stream, and a stream port a firewall blocks costs one slow
// heartbeat per retry, not every other one. Sending a heartbeat twice is safe: the master
// ignores a report it has already applied, and attempts assigned in a reply that was lost
// are found unreported and run again, as after any lost reply.
import { HeartbeatStream, type HeartbeatReply__Output, type Logger, type WorkerHeartbeat } from '@tsmr/common';

const STREAM_RETRY_MS = 30_000;

export interface MasterHeartbeatOptions {
  /** host:port of the master's gRPC services; its heartbeat stream is on the same host. */
  master: string;
  secret: string | undefined;
  /** WorkerProtocol/Heartbeat over gRPC. */
  grpc: (request: WorkerHeartbeat) => Promise<HeartbeatReply__Output>;
  log: Logger;
  /** Default 30 s. */
  streamRetryMs?: number;
}

export class MasterHeartbeat {
  private stream: HeartbeatStream | undefined;
  /** No stream is opened before this time (ms since the epoch). */
  private streamAfter = 0;

  constructor(private readonly options: MasterHeartbeatOptions) {}

  async heartbeat(request: WorkerHeartbeat): Promise<HeartbeatReply__Output> {
    if (this.stream) {
      try {
        return await this.stream.heartbeat(request);
      } catch (err) {
        this.options.log.warn({ err }, `heartbeat stream failed; heartbeating over gRPC for ${(this.options.streamRetryMs ?? STREAM_RETRY_MS) / 1000} s`);
        this.streamAfter = Date.now() + (this.options.streamRetryMs ?? STREAM_RETRY_MS);
      }
    }
    this.stream = undefined;
    const reply = await this.options.grpc(request);
    if (reply.heartbeatPort > 0 && Date.now() >= this.streamAfter) {
      const host = this.options.master.slice(0, this.options.master.lastIndexOf(':'));
      this.stream = new HeartbeatStream(`${host}:${reply.heartbeatPort}`, this.options.secret);
    }
    return reply;
  }

  close(): void {
    this.stream?.close();
    this.stream = undefined;
  }
}
