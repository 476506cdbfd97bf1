// The sending end of a block write over the block stream (HDFS's DataStreamer): the write
// request, then packets that each wait for an ack from every datanode of the pipeline.
// Used by BlockWriter (which cuts data into packets) and by a datanode forwarding packets
// downstream as it received them. A writer with nothing to send and nothing unacked for
// KEEPALIVE_MS sends an empty frame (HDFS's heartbeat packet), so the datanodes do not
// take a slow writer for a dead one; every datanode's own stream downstream does the same.
import {
  FRAME,
  FrameJoiner,
  frameHeader,
  InvalidArgumentError,
  UnavailableError,
  connectFrameStream,
  dataFrameInPlace,
  decodeError,
  describeError,
  encodeRequest,
  errorOfCode,
} from '@tsmr/common';
import type { Socket } from 'node:net';
import { BLOCK_STREAM, FAILED_DATANODE_KEY, type BlockWriteRequest, type PipelineNode } from './block-stream';
import { decodeAck, packetFrameHead, type Packet } from './packet';

/** Packet bytes sent but not yet acked by the whole pipeline, at most. */
export const MAX_UNACKED_BYTES = 8 * 1024 * 1024;

/**
 * With packets unacked, a pipeline silent this long has failed at its first datanode,
 * plus a little for every datanode in it, so a datanode times out its own downstream
 * before its upstream times it out and the failure names the right one (HDFS's client
 * socket timeout and its extension per pipeline node).
 */
const ACK_TIMEOUT_MS = 60_000;
const ACK_TIMEOUT_EXTENSION_MS = 5_000;
/** Half HDFS's client socket timeout, as its DataStreamer's heartbeat packets. */
const KEEPALIVE_MS = 30_000;

/** Acks are 4 bytes and errors a message: anything larger is not a datanode of ours. */
const MAX_ANSWER_FRAME_BYTES = 1024 * 1024;

/** A write pipeline failed; the writer should exclude `failedDatanodeId` and start over. */
export class PipelineError extends UnavailableError {
  constructor(
    readonly failedDatanodeId: string,
    message: string,
    cause?: unknown,
  ) {
    super(message);
    this.cause = cause;
  }
}

export interface PipelineOptions {
  blockId: string;
  /** The datanodes to write to, in order; the first is the one dialed. */
  pipeline: PipelineNode[];
  bytesPerChecksum: number;
  clientName: string;
  secret?: string;
  /** How long the first datanode may stay silent with packets unacked, or not connect; default ACK_TIMEOUT_MS plus ACK_TIMEOUT_EXTENSION_MS per datanode. */
  ackTimeoutMs?: number;
}

interface Unacked {
  seqno: number;
  bytes: number;
  resolve: () => void;
  reject: (err: PipelineError) => void;
}

export class PipelineStream {
  private readonly first: PipelineNode;
  private readonly socket: Socket | undefined;
  private readonly unacked: Unacked[] = [];
  private unackedBytes = 0;
  /** The last packet is acked: the block is on every datanode and the stream is done. */
  private ended = false;
  private lastSeqno: number | undefined;
  /** Whether a packet went out since the keepalive timer last looked. */
  private sentSinceKeepalive = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private failure: PipelineError | undefined;
  /** Resolved (and replaced) at every ack and at failure: what a sender waiting for room awaits. */
  private progress: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(private readonly options: PipelineOptions) {
    const [first, ...downstream] = options.pipeline;
    if (!first) throw new InvalidArgumentError(`no datanodes to write ${options.blockId} to`);
    this.first = first;
    if (!first.streamAddress) {
      this.fail(new PipelineError(first.datanodeId, `${this.describeBlock()}: datanode ${first.datanodeId} has no block stream`));
      return;
    }
    const socket = connectFrameStream(first.streamAddress);
    this.socket = socket;
    const answers = new FrameJoiner(MAX_ANSWER_FRAME_BYTES, (type, payload) => this.onAnswer(type, payload));
    socket.on('data', (chunk: Buffer) => {
      try {
        answers.push(chunk);
      } catch (err) {
        this.fail(this.firstFailed(describeError(err)));
      }
    });
    socket.on('error', (err) => this.fail(this.firstFailed(err.message)));
    socket.on('close', () => {
      if (!this.ended) this.fail(this.firstFailed('the connection closed before every packet was acked'));
    });
    const timeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS + ACK_TIMEOUT_EXTENSION_MS * options.pipeline.length;
    socket.setTimeout(timeoutMs, () => {
      // Idle with nothing unacked is the writer pausing, not the pipeline failing.
      if (this.unacked.length > 0) this.fail(this.firstFailed(`no ack for ${timeoutMs / 1000} s`));
    });
    const connecting = setTimeout(() => this.fail(this.firstFailed(`not connected after ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('connect', () => clearTimeout(connecting));
    const keepalive = setInterval(() => {
      // Only with nothing unacked: a write restarts the socket's idle timer, which must
      // still fire when a datanode stops acking.
      if (!this.sentSinceKeepalive && this.unacked.length === 0 && !socket.connecting) socket.write(frameHeader(FRAME.DATA, 0));
      this.sentSinceKeepalive = false;
    }, KEEPALIVE_MS);
    // Timers of a stream its writer dropped must not keep the process alive.
    for (const timer of [connecting, keepalive]) this.timers.push(timer.unref());
    const request: BlockWriteRequest = {
      op: 'write',
      blockId: options.blockId,
      downstream,
      bytesPerChecksum: options.bytesPerChecksum,
      clientName: options.clientName,
      secret: options.secret ?? '',
    };
    socket.write(encodeRequest(request));
  }

  /** The failure, if the pipeline has failed. */
  get error(): PipelineError | undefined {
    return this.failure;
  }

  /** Resolves once the unacked bytes leave room for another packet; rejects if the pipeline failed. */
  async ready(): Promise<void> {
    while (!this.failure && this.unackedBytes >= MAX_UNACKED_BYTES) await this.nextProgress();
    if (this.failure) throw this.failure;
  }

  /**
   * Sends a packet (call `ready()` first to respect the window) and returns a promise of
   * its ack by the whole pipeline. The packet's data must not change until then. A
   * datanode passes the frame payload it received as `received`, which is sent as is.
   */
  send(packet: Packet, received?: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const acked = new Promise<void>((resolve, reject) => {
      this.unacked.push({ seqno: packet.seqno, bytes: packet.data.length, resolve, reject });
    });
    // Callers that never await an ack still learn of a failure from ready() or a later ack.
    acked.catch(() => undefined);
    this.unackedBytes += packet.data.length;
    this.sentSinceKeepalive = true;
    if (packet.last) this.lastSeqno = packet.seqno;
    const socket = this.socket!;
    if (received) {
      socket.write(dataFrameInPlace(received));
    } else {
      // One writev of both: the data is not copied into the head.
      socket.cork();
      socket.write(packetFrameHead(packet));
      if (packet.data.length > 0) socket.write(packet.data);
      socket.uncork();
    }
    return acked;
  }

  /** Cancels the stream: every datanode of the pipeline discards the partial block. */
  abort(reason = 'aborted by the writer'): void {
    this.fail(this.firstFailed(reason));
  }

  private onAnswer(type: number, payload: Buffer): void {
    if (this.failure) return;
    if (type === FRAME.DATA) return this.onAck(decodeAck(payload));
    if (type === FRAME.ERROR) return this.fail(this.pipelineError(payload));
    if (type === FRAME.END && this.ended) return;
    this.fail(this.firstFailed(type === FRAME.END ? 'datanode ended the stream before acking every packet' : `unknown frame type ${type}`));
  }

  private onAck(seqno: number | undefined): void {
    const head = this.unacked[0];
    if (!head || head.seqno !== seqno) {
      this.fail(this.firstFailed(`unexpected ack for packet ${seqno ?? '(malformed)'}`));
      return;
    }
    this.unacked.shift();
    this.unackedBytes -= head.bytes;
    if (seqno === this.lastSeqno) this.finish();
    head.resolve();
    this.wakeSenders();
  }

  /** The last packet is acked: closes our end; the datanode closes once it has sent END. */
  private finish(): void {
    this.ended = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.socket?.end();
  }

  private fail(err: PipelineError): void {
    if (this.failure) return;
    this.failure = err;
    for (const timer of this.timers) clearTimeout(timer);
    this.socket?.destroy();
    for (const packet of this.unacked.splice(0)) packet.reject(err);
    this.unackedBytes = 0;
    this.wakeSenders();
  }

  private nextProgress(): Promise<void> {
    if (!this.progress) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.progress = { promise, resolve };
    }
    return this.progress.promise;
  }

  private wakeSenders(): void {
    this.progress?.resolve();
    this.progress = undefined;
  }

  /** A failure of the connection to the first datanode, which is the one to exclude. */
  private firstFailed(reason: string): PipelineError {
    const cause = new UnavailableError(`${BLOCK_STREAM} ${this.first.streamAddress}: ${reason}`);
    return new PipelineError(this.first.datanodeId, `${this.describeBlock()}: datanode ${this.first.datanodeId}: ${reason}`, cause);
  }

  /** An ERROR frame: the datanode its metadata names failed, or else the one dialed. */
  private pipelineError(payload: Buffer): PipelineError {
    const { code, message, metadata } = decodeError(payload);
    const failedDatanodeId = metadata?.[FAILED_DATANODE_KEY] || this.first.datanodeId;
    const cause = errorOfCode(code, message);
    return new PipelineError(failedDatanodeId, `${this.describeBlock()} failed at datanode ${failedDatanodeId}: ${describeError(cause)}`, cause);
  }

  private describeBlock(): string {
    return `writing ${this.options.blockId} to ${this.options.pipeline.map((d) => d.streamAddress || d.address).join(' -> ')}`;
  }
}
