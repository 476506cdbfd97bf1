// Writes sorted runs to a local file as records come, in writes of about a megabyte, so
// writing a run never holds it whole in memory. A file may hold several runs back to back
// (one per partition): segment() marks where each ends.
import fs from 'node:fs';
import { RecordEncoder, type Value } from '@tsmr/sdk';
import type { Segment } from './map-output-index';

const FLUSH_BYTES = 1 << 20;

export class RunWriter {
  private readonly fd: number;
  private readonly encoder = new RecordEncoder();
  /** Bytes written to the file so far. */
  private written = 0;
  /** Records added so far. */
  records = 0;
  private segmentStart = 0;

  /** `progressed` is called at each write to the file: a merge writing runs is making progress (the task timeout watches it). */
  constructor(
    file: string,
    private readonly progressed: () => void = () => {},
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  add(key: Value, value: Value): void {
    this.encoder.add(key, value);
    this.records++;
    if (this.encoder.length >= FLUSH_BYTES) this.flush();
  }

  /** Adds one record already encoded: the bytes [start, end) of `src`. */
  addEncoded(src: Buffer, start: number, end: number): void {
    this.encoder.addEncoded(src, start, end);
    this.records++;
    if (this.encoder.length >= FLUSH_BYTES) this.flush();
  }

  /**
   * Adds records already encoded in `src`, in the given order: record r is the bytes
   * [starts[r], starts[r + 1]).
   */
  addEncodedRecords(src: Buffer, starts: Int32Array, order: Int32Array): void {
    const { encoder } = this;
    for (let k = 0; k < order.length; k++) {
      const r = order[k] as number;
      encoder.addEncoded(src, starts[r] as number, starts[r + 1] as number);
      if (encoder.length >= FLUSH_BYTES) this.flush();
    }
    this.records += order.length;
  }

  /** Ends the current run: its place in the file. */
  segment(): Segment {
    this.flush();
    const segment = { offset: this.segmentStart, length: this.written - this.segmentStart };
    this.segmentStart = this.written;
    return segment;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.encoder.length === 0) return;
    const bytes = this.encoder.take();
    writeAll(this.fd, bytes);
    this.written += bytes.length;
    this.progressed();
  }
}

export function writeAll(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
}
