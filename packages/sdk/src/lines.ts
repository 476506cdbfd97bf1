// Text input as line records. A line ends at "\n"; a "\r" just before it (or at the very end
// of the input) is dropped, so "\r\n" files read the same as "\n" files. Every line is a
// record, an empty one too (""); a last line without a newline is still a record, and input
// that ends with "\n" has no extra empty record after it.
//
// Splitting on the byte 0x0A is safe in UTF-8 (it never occurs inside a multi-byte
// character), so chunks are cut at their last newline and only the bytes after it are
// carried over: a character split across chunks is decoded once both halves are in.

import { isAscii } from 'node:buffer';

const NL = 0x0a;
const CR = 0x0d;

/**
 * bytes[start, end) as text. ASCII (most logs) is decoded as latin1, which gives the same
 * string at half the cost of the UTF-8 decoder (checking is a SIMD pass).
 */
function decode(bytes: Buffer, start: number, end: number): string {
  return bytes.toString(isAscii(bytes.subarray(start, end)) ? 'latin1' : 'utf8', start, end);
}

/** Turns a stream of byte chunks into line records. */
export class LineSplitter {
  private carry: Buffer | undefined;

  /** The lines completed by this chunk. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.carry !== undefined) {
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return lines;
      }
      lines.push(stripCr(Buffer.concat([this.carry, chunk.subarray(0, nl)]).toString('utf8')));
      this.carry = undefined;
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      // Decode everything up to the last newline at once: one toString per chunk, not per line.
      splitDecoded(decode(chunk, start, last), lines);
      start = last + 1;
    }
    // Copy the tail: the caller may reuse its chunk buffer.
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start));
    return lines;
  }

  /** The last line, if the input did not end with a newline. */
  end(): string[] {
    const rest = this.carry;
    this.carry = undefined;
    return rest === undefined ? [] : [stripCr(rest.toString('utf8'))];
  }
}

/** Appends the lines of `text` (which holds no final newline) to `out`. */
function splitDecoded(text: string, out: string[]): void {
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl === -1) {
      out.push(stripCr(text.slice(from)));
      return;
    }
    out.push(stripCr(text.slice(from, nl)));
    from = nl + 1;
  }
}

function stripCr(line: string): string {
  return line.charCodeAt(line.length - 1) === CR ? line.slice(0, -1) : line;
}

/** All line records of a whole input. */
export function splitLines(input: string | Buffer): string[] {
  const splitter = new LineSplitter();
  const lines = splitter.push(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
  return lines.concat(splitter.end());
}

/**
 * The lines a text split [start, end) owns: every line that starts inside it, the last one
 * read to its end even past `end`. Splits that tile a file therefore see each line exactly once.
 */
export function linesOfSplit(content: Buffer, start: number, end: number): string[] {
  const { from, to } = ownedBytes(content, start, end);
  return from < to ? splitLines(content.subarray(from, to)) : [];
}

/**
 * linesOfSplit's lines in batches: the lines starting in each `batchBytes` of the split,
 * in order. A line longer than a batch ends its batch, and the next starts after it.
 */
export function* linesOfSplitInBatches(content: Buffer, start: number, end: number, batchBytes: number): Generator<string[]> {
  for (let at = start; at < end; ) {
    const { from, to } = ownedBytes(content, at, Math.min(at + batchBytes, end));
    if (from < to) yield splitLines(content.subarray(from, to));
    // Past the batch's last line (no line starts inside it: searching there again for
    // where it ends would cost a split of long lines their length squared).
    at = Math.max(to, at + batchBytes);
  }
}

/**
 * The bytes [from, to) of the lines split [start, end) owns. When it owns none, from === to
 * is where the first line after it starts (content.length if none does).
 */
function ownedBytes(content: Buffer, start: number, end: number): { from: number; to: number } {
  // A line starts at 0 or just after a newline; the first one at or after `start`:
  const newline = start === 0 ? -1 : content.indexOf(NL, start - 1);
  if (start !== 0 && newline === -1) return { from: content.length, to: content.length }; // that line began earlier
  const from = newline + 1;
  if (from >= end) return { from, to: from }; // the first line starting here starts at or after `end`
  const lastNl = end >= content.length ? -1 : content.indexOf(NL, end - 1);
  return { from, to: lastNl === -1 ? content.length : lastNl + 1 };
}
