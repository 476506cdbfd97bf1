// Serves one block write over the block stream (HDFS's BlockReceiver): checks each
// packet's CRCs, forwards it to the next datanode of the pipeline while writing it to
// tmp/, and acks it upstream once both are done. After the last packet and the
// downstream's last ack, the replica is finalized, the namenode told (BlockReceived), and
// the last ack sent, then END. A failure is thrown for the block stream to send as its
// ERROR frame (a PipelineError from downstream names the datanode that failed).
//
// The writer keeps at most MAX_UNACKED_BYTES (and a packet) unacked. A datanode holding
// twice that stops taking packets until its acks catch up, so a writer that ignores the
// window cannot pile up writes here, and one that keeps it is never held up. An empty
// frame is a writer's keepalive, and is skipped.
import { InvalidArgumentError, UnavailableError, type FrameSink, type FrameSource } from '@tsmr/common';
import { checkBlockId } from '../block-id';
import type { BlockWriteRequest } from '../transfer/block-stream';
import { verifyChecksums } from '../transfer/checksum';
import { MAX_PACKET_BYTES, ackPayload, decodePacket, type Packet } from '../transfer/packet';
import { MAX_UNACKED_BYTES, PipelineStream } from '../transfer/pipeline-stream';
import type { ReplicaWriter } from './replica-writer';
import type { TransferContext } from './transfer-context';

export class BlockReceiver {
  private blockId = '(no block yet)';
  private bytesPerChecksum = 0;
  private replica: ReplicaWriter | undefined;
  private downstream: PipelineStream | undefined;
  private nextSeqno = 0;
  private nextOffset = 0;
  private upstreamGone = false;
  /** Settles once every packet so far is acked upstream. */
  private acks: Promise<void> = Promise.resolve();
  /** Bytes of packets taken but not yet acked upstream. */
  private unackedBytes = 0;
  /** Rejects at the first failure of anything running in the background. */
  private readonly failed: Promise<never>;
  private fail!: (err: unknown) => void;

  constructor(
    private readonly request: BlockWriteRequest,
    private readonly sink: FrameSink,
    private readonly source: FrameSource,
    private readonly context: TransferContext,
  ) {
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    sink.gone.catch(() => {
      this.upstreamGone = true;
      this.fail(new UnavailableError('the upstream writer went away'));
    });
  }

  /** Receives the block; a failure leaves nothing on disk and is thrown. */
  async run(): Promise<void> {
    try {
      await this.start();
      for (;;) {
        const { packet, received } = await this.nextPacket();
        if (packet.last) return await this.finish(packet, received);
        await this.receive(packet, received);
      }
    } catch (err) {
      await this.cleanUp(err);
      throw err;
    }
  }

  private async start(): Promise<void> {
    const { request } = this;
    this.blockId = checkBlockId(request.blockId);
    this.bytesPerChecksum = this.checkBytesPerChecksum(request.bytesPerChecksum);
    this.checkDownstream(request);
    this.replica = await this.context.storage.createReplica(this.blockId, this.bytesPerChecksum);
    if (request.downstream.length > 0) {
      this.downstream = new PipelineStream({
        blockId: this.blockId,
        pipeline: request.downstream,
        bytesPerChecksum: this.bytesPerChecksum,
        clientName: request.clientName,
        secret: this.context.secret,
      });
    }
  }

  /** Verifies a packet, starts its local write and forwarding, and queues its ack. */
  private async receive(packet: Packet, received: Buffer): Promise<void> {
    this.checkPacket(packet);
    const written = this.write(packet);
    const forwarded = await this.forward(packet, received);
    const previous = this.acks;
    this.unackedBytes += packet.data.length;
    this.acks = Promise.all([previous, written, forwarded]).then(async () => {
      await this.sink.send(ackPayload(packet.seqno));
      this.unackedBytes -= packet.data.length;
    });
    this.acks.catch((err: unknown) => this.fail(err));
  }

  private async finish(packet: Packet, received: Buffer): Promise<void> {
    this.checkPacket(packet);
    const written = this.write(packet);
    const forwarded = await this.forward(packet, received);
    // Finalize only once the whole pipeline below has the block, so a failure never
    // leaves a finalized replica here.
    await this.untilFailed(Promise.all([this.acks, written, forwarded]));
    const replica = this.replica!;
    const length = await this.context.storage.finalize(replica);
    this.replica = undefined;
    await this.context.blockReceived(this.blockId, length);
    await this.untilFailed(this.sink.send(ackPayload(packet.seqno)));
    this.sink.end();
    this.context.log.debug({ blockId: this.blockId, length }, 'block received');
  }

  private write(packet: Packet): Promise<void> {
    const written = this.replica!.write(packet.offset, packet.data, packet.checksums).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      throw new UnavailableError(`datanode ${this.context.datanodeId} cannot store ${this.blockId}: ${message}`);
    });
    written.catch((err: unknown) => this.fail(err));
    return written;
  }

  /** Sends the packet downstream as received (when there is a downstream) once it has room; resolves to its ack. */
  private async forward(packet: Packet, received: Buffer): Promise<Promise<void>> {
    if (!this.downstream) return Promise.resolve();
    await this.untilFailed(this.downstream.ready());
    const acked = this.downstream.send(packet, received);
    acked.catch((err: unknown) => this.fail(err));
    return acked;
  }

  private async nextPacket(): Promise<{ packet: Packet; received: Buffer }> {
    if (this.unackedBytes >= 2 * MAX_UNACKED_BYTES) await this.untilFailed(this.acks);
    for (;;) {
      const received = await this.untilFailed(this.source.next());
      if (!received) throw new InvalidArgumentError(`${this.blockId}: the writer ended the stream before the last packet`);
      if (received.length > 0) return { packet: decodePacket(received, this.blockId), received };
    }
  }

  private untilFailed<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failed]);
  }

  private checkBytesPerChecksum(bytesPerChecksum: number): number {
    const cluster = this.context.clusterBytesPerChecksum();
    if (!Number.isInteger(bytesPerChecksum) || bytesPerChecksum <= 0 || bytesPerChecksum > MAX_PACKET_BYTES) {
      throw new InvalidArgumentError(`${this.blockId}: bytes per checksum must be from 1 to ${MAX_PACKET_BYTES}, not ${bytesPerChecksum}`);
    }
    if (cluster !== undefined && bytesPerChecksum !== cluster) {
      throw new InvalidArgumentError(`${this.blockId}: bytes per checksum is ${cluster} in this cluster, not ${bytesPerChecksum}`);
    }
    return bytesPerChecksum;
  }

  private checkDownstream(request: BlockWriteRequest): void {
    for (const node of request.downstream) {
      if (!node.datanodeId || !node.address) throw new InvalidArgumentError(`${this.blockId}: a downstream datanode lacks an id or address`);
      if (node.datanodeId === this.context.datanodeId) {
        throw new InvalidArgumentError(`${this.blockId}: the pipeline names datanode ${node.datanodeId} twice`);
      }
    }
  }

  private checkPacket(packet: Packet): void {
    if (packet.seqno !== this.nextSeqno || packet.offset !== this.nextOffset) {
      throw new InvalidArgumentError(
        `${this.blockId}: expected packet ${this.nextSeqno} at offset ${this.nextOffset}, got packet ${packet.seqno} at offset ${packet.offset}`,
      );
    }
    if (!packet.last && packet.data.length % this.bytesPerChecksum !== 0) {
      throw new InvalidArgumentError(`${this.blockId}: packet ${packet.seqno} is not the last yet holds a partial chunk`);
    }
    verifyChecksums(packet.data, packet.checksums, this.bytesPerChecksum, this.blockId, packet.offset);
    this.nextSeqno++;
    this.nextOffset += packet.data.length;
  }

  /** Discards the partial replica and the downstream stream. */
  private async cleanUp(err: unknown): Promise<void> {
    this.fail(err);
    this.downstream?.abort(`${this.blockId}: the upstream write failed`);
    await this.replica?.discard().catch((discardErr: unknown) => {
      this.context.log.warn({ err: discardErr, blockId: this.blockId }, 'cannot remove a partial replica');
    });
    if (!this.upstreamGone) this.context.log.warn({ err, blockId: this.blockId }, 'block write failed');
  }
}
