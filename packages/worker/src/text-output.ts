// Text output written by a task thread to a local file (part-m / part-r contents), in the
// SDK's output format. The worker's main thread copies the file into the DFS afterwards.
import fs from 'node:fs';
import { copyBytes, formatRecords, type Value } from '@tsmr/sdk';
import { writeAll } from './run-writer';

/** Output is gathered into writes of about this many bytes. */
const FLUSH_BYTES = 1 << 20;
const TAB = 0x09;
const NEWLINE = 0x0a;

export class TextOutput {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(2 * FLUSH_BYTES);
  private pos = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(records: Iterable<readonly [Value, Value]>): void {
    const text = formatRecords(records);
    this.ensure(3 * text.length);
    this.pos += this.buf.write(text, this.pos, 'utf8');
    if (this.pos >= FLUSH_BYTES) this.flush();
  }

  /**
   * A record of a string key and a string value, from their UTF-8 bytes src[keyStart,
   * keyEnd) and src[valueStart, valueEnd): the line formatRecord makes of them.
   */
  writeStrings(src: Buffer, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    this.ensure(keyEnd - keyStart + valueEnd - valueStart + 2);
    this.pos += copyBytes(src, keyStart, keyEnd, this.buf, this.pos);
    this.buf[this.pos++] = TAB;
    this.pos += copyBytes(src, valueStart, valueEnd, this.buf, this.pos);
    this.buf[this.pos++] = NEWLINE;
    if (this.pos >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  private flush(): void {
    if (this.pos === 0) return;
    writeAll(this.fd, this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}
