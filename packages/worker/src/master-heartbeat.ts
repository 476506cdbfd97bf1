// How a worker's heartbeats reach the master: over gRPC until a reply names the master's
// heartbeat stream (see packages/common/src/heartbeat-stream.ts), then over that stream once
// it has connected; until then, heartbeats keep going over gRPC, so a stream port a firewall
// drops delays none of them. A heartbeat the stream fails is sent again at once over gRPC,
// which stays in use for STREAM_RETRY_MS before the stream is tried again: a master that
// restarted is found on its gRPC port and names its new stream. Sending a heartbeat twice is
// safe: the master ignores a report it has already applied, and attempts assigned in a reply
// that was lost are found unreported and run again, as after any lost reply.
import { HeartbeatStream, splitAddress, type HeartbeatReply__Output, type Logger, type WorkerHeartbeat } from '@tsmr/common';

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
    if (this.stream?.failure) this.dropStream(this.stream.failure); // it failed between heartbeats, or never connected
    if (this.stream?.ready) {
      try {
        return await this.stream.heartbeat(request);
      } catch (err) {
        this.dropStream(err);
      }
    }
    // No stream, or one still connecting.
    const reply = await this.options.grpc(request);
    if (!this.stream && reply.heartbeatPort > 0 && Date.now() >= this.streamAfter) {
      this.stream = new HeartbeatStream(`${splitAddress(this.options.master).host}:${reply.heartbeatPort}`, this.options.secret);
    }
    return reply;
  }

  private dropStream(err: unknown): void {
    const retryMs = this.options.streamRetryMs ?? STREAM_RETRY_MS;
    this.options.log.warn({ err }, `heartbeat stream failed; heartbeating over gRPC for ${retryMs / 1000} s`);
    this.streamAfter = Date.now() + retryMs;
    this.stream?.close();
    this.stream = undefined;
  }

  close(): void {
    this.stream?.close();
    this.stream = undefined;
  }
}
