// Text output written by a task thread to a local file (part-m / part-r contents), in the
// SDK's output format. The worker's main thread copies the file into the DFS afterwards.
import fs from 'node:fs';
import { formatRecords, type Value } from '@tsmr/sdk';
import { writeAll } from './run-writer';

/** Text is gathered into writes of about this many characters. */
const FLUSH_CHARS = 1 << 20;

export class TextOutput {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(records: Iterable<readonly [Value, Value]>): void {
    const text = formatRecords(records);
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.pendingChars === 0) return;
    writeAll(this.fd, Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingChars = 0;
  }
}
