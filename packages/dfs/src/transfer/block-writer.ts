// Writes one block through a pipeline of datanodes: cuts the bytes into packets of whole
// checksum chunks (up to 1 MiB), computes their CRCs, and keeps at most MAX_UNACKED_BYTES
// in flight. The writer keeps its own copy of the block's bytes for recovery: on a
// PipelineError it starts the block again elsewhere.
import { InvalidArgumentError } from '@tsmr/common';
import { computeChecksums } from './checksum';
import { MAX_PACKET_BYTES, type Packet } from './packet';
import { PipelineStream, type PipelineOptions } from './pipeline-stream';

/** What a block write needs: the pipeline stream's options. */
export type BlockWriterOptions = PipelineOptions;

export class BlockWriter {
  private readonly stream: PipelineStream;
  private readonly packetBytes: number;
  /** Bytes accepted by write() but not yet sent: always less than one packet. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private sentBytes = 0;
  private seqno = 0;
  private finished = false;

  constructor(private readonly options: BlockWriterOptions) {
    const { bytesPerChecksum } = options;
    if (!Number.isInteger(bytesPerChecksum) || bytesPerChecksum <= 0 || bytesPerChecksum > MAX_PACKET_BYTES) {
      throw new InvalidArgumentError(`bytes per checksum must be an integer from 1 to ${MAX_PACKET_BYTES}, not ${bytesPerChecksum}`);
    }
    this.packetBytes = Math.floor(MAX_PACKET_BYTES / bytesPerChecksum) * bytesPerChecksum;
    this.stream = new PipelineStream(options);
  }

  /** Bytes accepted by write() so far. */
  get bytesWritten(): number {
    return this.sentBytes + this.pendingBytes;
  }

  /**
   * Queues bytes of the block. Resolves once they fit in the in-flight window; await
   * each call before the next. The buffer is sent without copying: do not change it.
   */
  async write(data: Buffer): Promise<void> {
    if (this.finished) throw new InvalidArgumentError(`${this.options.blockId}: write() after finish()`);
    if (this.stream.error) throw this.stream.error;
    if (data.length === 0) return;
    this.pending.push(data);
    this.pendingBytes += data.length;
    while (this.pendingBytes >= this.packetBytes) {
      await this.stream.ready();
      void this.stream.send(this.nextPacket(this.take(this.packetBytes), false));
    }
  }

  /** Sends the rest as the last packet and resolves once the whole pipeline has acked every packet. */
  async finish(): Promise<void> {
    if (this.finished) throw new InvalidArgumentError(`${this.options.blockId}: finish() called twice`);
    this.finished = true;
    await this.stream.ready();
    await this.stream.send(this.nextPacket(this.take(this.pendingBytes), true));
  }

  /** Cancels the stream; the datanodes discard the partial block. */
  abort(): void {
    this.finished = true;
    this.stream.abort();
  }

  private nextPacket(data: Buffer, last: boolean): Packet {
    const packet = {
      seqno: this.seqno++,
      offset: this.sentBytes,
      data,
      checksums: computeChecksums(data, this.options.bytesPerChecksum),
      last,
    };
    this.sentBytes += data.length;
    return packet;
  }

  /** The first n pending bytes: a view when the first buffer holds them, else a copy. */
  private take(n: number): Buffer {
    const head = this.pending[0];
    let out: Buffer;
    if (head && head.length >= n) {
      out = head.subarray(0, n);
      const rest = head.subarray(n);
      this.pending = rest.length > 0 ? [rest, ...this.pending.slice(1)] : this.pending.slice(1);
    } else {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      out = all.subarray(0, n);
      this.pending = n < all.length ? [all.subarray(n)] : [];
    }
    this.pendingBytes -= n;
    return out;
  }
}
