// Serves one WriteBlock stream (HDFS's BlockReceiver): checks each packet's CRCs,
// forwards it to the next datanode of the pipeline while writing it to tmp/, and acks it
// upstream once both are done. After the last packet and the downstream's last ack, the
// replica is finalized, the namenode told (BlockReceived), and the last ack sent.
//
// No local window is needed: the writer keeps at most MAX_UNACKED_BYTES unacked, and
// everything this node holds is part of that.
import { Metadata, type ServerDuplexStream } from '@grpc/grpc-js';
import {
  InvalidArgumentError,
  TsmrError,
  UnavailableError,
  toServiceError,
  type Packet__Output,
  type WriteAck,
  type WriteHeader__Output,
} from '@tsmr/common';
import { checkBlockId } from '../block-id';
import { MAX_PACKET_BYTES } from '../transfer/block-writer';
import { verifyChecksums } from '../transfer/checksum';
import type { ReceivedWriteBlockMessage } from '../transfer/encoded-messages';
import { FAILED_DATANODE_METADATA_KEY, PipelineError, PipelineStream } from '../transfer/pipeline-stream';
import type { ReplicaWriter } from './replica-writer';
import type { TransferContext } from './transfer-context';

type WriteBlockCall = ServerDuplexStream<ReceivedWriteBlockMessage, WriteAck>;

export class BlockReceiver {
  private readonly messages: AsyncIterator<ReceivedWriteBlockMessage>;
  private blockId = '(no header yet)';
  private bytesPerChecksum = 0;
  private replica: ReplicaWriter | undefined;
  private downstream: PipelineStream | undefined;
  private nextSeqno = 0;
  private nextOffset = 0;
  /** Settles once every packet so far is acked upstream. */
  private acks: Promise<void> = Promise.resolve();
  /** Rejects at the first failure of anything running in the background. */
  private readonly failed: Promise<never>;
  private fail!: (err: unknown) => void;

  constructor(
    private readonly call: WriteBlockCall,
    private readonly context: TransferContext,
  ) {
    // Iterated by hand: a for-await loop left early would destroy the call before the last ack.
    this.messages = call[Symbol.asyncIterator]();
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    call.on('cancelled', () => this.fail(new UnavailableError('the upstream writer cancelled the stream')));
  }

  /** Receives the block; a failure ends the call with its status and leaves nothing on disk. */
  async run(): Promise<void> {
    try {
      await this.start(await this.nextMessage('header'));
      for (;;) {
        const message = await this.nextMessage('packet');
        if (!message.packet) throw new InvalidArgumentError(`${this.blockId}: expected a packet, got a ${message.message}`);
        if (message.packet.last) return await this.finish(message.packet, message.encoded);
        await this.receive(message.packet, message.encoded);
      }
    } catch (err) {
      await this.cleanUp(err);
    }
  }

  private async start(message: ReceivedWriteBlockMessage): Promise<void> {
    const header = message.header;
    if (!header) throw new InvalidArgumentError('a WriteBlock stream must start with a header');
    this.blockId = checkBlockId(header.blockId);
    this.bytesPerChecksum = this.checkBytesPerChecksum(header.bytesPerChecksum);
    this.checkDownstream(header);
    this.replica = await this.context.storage.createReplica(this.blockId, this.bytesPerChecksum);
    if (header.downstream.length > 0) {
      this.downstream = new PipelineStream({
        blockId: this.blockId,
        pipeline: header.downstream,
        bytesPerChecksum: this.bytesPerChecksum,
        clientName: header.clientName,
        secret: this.context.secret,
      });
    }
  }

  /** Verifies a packet, starts its local write and forwarding, and queues its ack. */
  private async receive(packet: Packet__Output, encoded: Buffer): Promise<void> {
    this.checkPacket(packet);
    const written = this.write(packet);
    const forwarded = await this.forward(packet, encoded);
    const previous = this.acks;
    this.acks = Promise.all([previous, written, forwarded]).then(() => {
      this.call.write({ seqno: packet.seqno });
    });
    this.acks.catch((err: unknown) => this.fail(err));
  }

  private async finish(packet: Packet__Output, encoded: Buffer): Promise<void> {
    this.checkPacket(packet);
    const written = this.write(packet);
    const forwarded = await this.forward(packet, encoded);
    // Finalize only once the whole pipeline below has the block, so a failure never
    // leaves a finalized replica here.
    await this.untilFailed(Promise.all([this.acks, written, forwarded]));
    const replica = this.replica!;
    const length = await this.context.storage.finalize(replica);
    this.replica = undefined;
    await this.context.blockReceived(this.blockId, length);
    this.call.write({ seqno: packet.seqno });
    this.call.end();
    this.context.log.debug({ blockId: this.blockId, length }, 'block received');
  }

  private write(packet: Packet__Output): Promise<void> {
    const written = this.replica!.write(packet.offset, packet.data, packet.checksums).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      throw new UnavailableError(`datanode ${this.context.datanodeId} cannot store ${this.blockId}: ${message}`);
    });
    written.catch((err: unknown) => this.fail(err));
    return written;
  }

  /** Sends the packet downstream as received (when there is a downstream) once it has room; resolves to its ack. */
  private async forward(packet: Packet__Output, encoded: Buffer): Promise<Promise<void>> {
    if (!this.downstream) return Promise.resolve();
    await this.untilFailed(this.downstream.ready());
    const acked = this.downstream.send(packet, encoded);
    acked.catch((err: unknown) => this.fail(err));
    return acked;
  }

  private async nextMessage(what: string): Promise<ReceivedWriteBlockMessage> {
    const next = await this.untilFailed(this.messages.next());
    if (next.done) throw new InvalidArgumentError(`${this.blockId}: the writer ended the stream before the ${what === 'header' ? 'header' : 'last packet'}`);
    return next.value;
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

  private checkDownstream(header: WriteHeader__Output): void {
    for (const node of header.downstream) {
      if (!node.datanodeId || !node.address) throw new InvalidArgumentError(`${this.blockId}: a downstream datanode lacks an id or address`);
      if (node.datanodeId === this.context.datanodeId) {
        throw new InvalidArgumentError(`${this.blockId}: the pipeline names datanode ${node.datanodeId} twice`);
      }
    }
  }

  private checkPacket(packet: Packet__Output): void {
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

  /** Discards the partial replica and the downstream stream, and ends the call with the failure. */
  private async cleanUp(err: unknown): Promise<void> {
    this.fail(err);
    this.downstream?.abort(`${this.blockId}: the upstream write failed`);
    await this.replica?.discard().catch((discardErr: unknown) => {
      this.context.log.warn({ err: discardErr, blockId: this.blockId }, 'cannot remove a partial replica');
    });
    if (this.call.cancelled) return;
    this.context.log.warn({ err, blockId: this.blockId }, 'block write failed');
    // A downstream failure names the failed node for the writer, which excludes it.
    const trailers = new Metadata();
    if (err instanceof PipelineError) trailers.set(FAILED_DATANODE_METADATA_KEY, err.failedDatanodeId);
    this.call.emit('error', toServiceError(err instanceof TsmrError ? err : new UnavailableError(String(err)), trailers));
  }
}
