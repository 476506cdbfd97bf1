// The sending end of a WriteBlock stream (HDFS's DataStreamer): a header, then packets
// that each wait for an ack from every datanode of the pipeline. Used by BlockWriter
// (which cuts data into packets) and by a datanode forwarding packets downstream as-is.
import type { ClientDuplexStream, ServiceError } from '@grpc/grpc-js';
import {
  InvalidArgumentError,
  UnavailableError,
  describeError,
  fromServiceError,
  secretMetadata,
  type DatanodeInfo__Output,
  type Packet,
  type WriteAck__Output,
} from '@tsmr/common';
import { dataTransferClient } from './clients';
import type { OutgoingWriteBlockMessage } from './encoded-messages';

/** Trailing metadata naming the datanode a failed pipeline should exclude. */
export const FAILED_DATANODE_METADATA_KEY = 'x-tsmr-failed-datanode';

/** Packet bytes sent but not yet acked by the whole pipeline, at most (the gRPC window). */
export const MAX_UNACKED_BYTES = 8 * 1024 * 1024;

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
  pipeline: DatanodeInfo__Output[];
  bytesPerChecksum: number;
  clientName: string;
  secret?: string;
}

export interface OutgoingPacket extends Packet {
  seqno: number;
  data: Buffer;
  last: boolean;
}

interface Unacked {
  seqno: number;
  bytes: number;
  resolve: () => void;
  reject: (err: PipelineError) => void;
}

export class PipelineStream {
  private readonly first: DatanodeInfo__Output;
  private readonly call: ClientDuplexStream<OutgoingWriteBlockMessage, WriteAck__Output>;
  private readonly unacked: Unacked[] = [];
  private unackedBytes = 0;
  private failure: PipelineError | undefined;
  /** Resolved (and replaced) at every ack and at failure: what a sender waiting for room awaits. */
  private progress: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(private readonly options: PipelineOptions) {
    const [first, ...downstream] = options.pipeline;
    if (!first) throw new InvalidArgumentError(`no datanodes to write ${options.blockId} to`);
    this.first = first;
    this.call = dataTransferClient(first.address).WriteBlock(secretMetadata(options.secret));
    this.call.on('data', (ack: WriteAck__Output) => this.onAck(ack.seqno));
    this.call.on('error', (err: ServiceError) => this.fail(this.pipelineError(err)));
    this.call.on('status', (status: { code: number }) => {
      if (status.code === 0 && this.unacked.length > 0) {
        this.fail(new PipelineError(first.datanodeId, `${this.describeBlock()}: datanode ended the stream before acking every packet`));
      }
    });
    this.call.write({
      header: { blockId: options.blockId, downstream, bytesPerChecksum: options.bytesPerChecksum, clientName: options.clientName },
    });
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
   * datanode passes the WriteBlockMessage it received as `encoded`, which is sent as is.
   */
  send(packet: OutgoingPacket, encoded?: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const acked = new Promise<void>((resolve, reject) => {
      this.unacked.push({ seqno: packet.seqno, bytes: packet.data.length, resolve, reject });
    });
    // Callers that never await an ack still learn of a failure from ready() or a later ack.
    acked.catch(() => undefined);
    this.unackedBytes += packet.data.length;
    this.call.write(encoded ?? { packet });
    if (packet.last) this.call.end();
    return acked;
  }

  /** Cancels the stream: every datanode of the pipeline discards the partial block. */
  abort(reason = 'aborted by the writer'): void {
    this.fail(new PipelineError(this.first.datanodeId, `${this.describeBlock()}: ${reason}`));
  }

  private onAck(seqno: number): void {
    const head = this.unacked[0];
    if (!head || head.seqno !== seqno) {
      this.fail(new PipelineError(this.first.datanodeId, `${this.describeBlock()}: unexpected ack for packet ${seqno}`));
      return;
    }
    this.unacked.shift();
    this.unackedBytes -= head.bytes;
    head.resolve();
    this.wakeSenders();
  }

  private fail(err: PipelineError): void {
    if (this.failure) return;
    this.failure = err;
    this.call.cancel();
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

  /** The datanode named in the trailing metadata failed, or else the one dialed. */
  private pipelineError(err: ServiceError): PipelineError {
    const named = err.metadata?.get(FAILED_DATANODE_METADATA_KEY)[0];
    const failedDatanodeId = typeof named === 'string' && named !== '' ? named : this.first.datanodeId;
    const cause = fromServiceError(err, `datanode ${this.first.address}`);
    return new PipelineError(failedDatanodeId, `${this.describeBlock()} failed at datanode ${failedDatanodeId}: ${describeError(cause)}`, cause);
  }

  private describeBlock(): string {
    return `writing ${this.options.blockId} to ${this.options.pipeline.map((d) => d.address).join(' -> ')}`;
  }
}
