// Reads a map's input through the DfsClient (which prefers the replica on this node's
// datanode). A text split [offset, offset+length) owns every line that starts inside it,
// so the reader fetches one byte before it (is there a line start at `offset`?) and, past
// its end, up to the first "\n" at or after offset+length-1 (or EOF): the bytes
// `linesOfSplit` needs. A text split's bytes land in one of the worker's SplitBuffers; a
// whole file's in a buffer that owns its memory, so it can be moved to a task thread.
import type { DfsClient } from '@tsmr/dfs';
import type { SplitBuffers } from './split-buffers';

const NL = 0x0a;
/** First read past the split's end; doubled while no newline turns up. */
const TAIL_READ_BYTES = 64 * 1024;

export interface SplitBytes {
  /** The bytes read, starting at file offset max(0, offset - 1). */
  bytes: Buffer;
  /** The split's own range within `bytes`. */
  start: number;
  end: number;
  /** Bytes read from the DFS (HDFS_BYTES_READ). */
  bytesRead: number;
}

/** A growable buffer taken from the SplitBuffers. */
class ByteSink {
  buffer: Buffer;
  length = 0;

  constructor(
    private readonly buffers: SplitBuffers,
    capacity: number,
  ) {
    this.buffer = buffers.take(capacity);
  }

  append(chunk: Buffer): void {
    if (this.length + chunk.length > this.buffer.length) {
      const bigger = this.buffers.take(Math.max(2 * this.buffer.length, this.length + chunk.length));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffers.give(this.buffer);
      this.buffer = bigger;
    }
    chunk.copy(this.buffer, this.length);
    this.length += chunk.length;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * Appends up to `length` bytes of the file at `offset` to the sink; returns how many came
 * (fewer at EOF). With `untilNewline`, stops just after the first "\n" read.
 */
async function readRange(
  dfs: DfsClient,
  path: string,
  offset: number,
  length: number,
  sink: ByteSink,
  signal: AbortSignal,
  untilNewline = false,
): Promise<{ appended: number; received: number; foundNewline: boolean }> {
  const stream = await dfs.open(path, { offset, length });
  const onAbort = () => stream.destroy(signal.reason as Error);
  signal.addEventListener('abort', onAbort);
  let appended = 0;
  let received = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      received += chunk.length;
      const nl = untilNewline ? chunk.indexOf(NL) : -1;
      const piece = nl === -1 ? chunk : chunk.subarray(0, nl + 1);
      sink.append(piece);
      appended += piece.length;
      if (nl !== -1) return { appended, received, foundNewline: true };
    }
    signal.throwIfAborted();
    return { appended, received, foundNewline: false };
  } finally {
    signal.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}

/**
 * The bytes of a text split, per the rule above, in a buffer of `buffers`: give it back
 * once the map is done with it.
 */
export async function readSplit(
  dfs: DfsClient,
  split: { path: string; offset: number; length: number },
  buffers: SplitBuffers,
  signal: AbortSignal,
): Promise<SplitBytes> {
  const base = Math.max(0, split.offset - 1);
  const start = split.offset - base;
  const end = start + split.length;
  const sink = new ByteSink(buffers, end + TAIL_READ_BYTES);
  // The split itself, read in place (a local replica straight from disk into the buffer).
  sink.length = await dfs.readInto(split.path, base, sink.buffer.subarray(0, end), signal);
  let bytesRead = sink.length;
  // Done if the split is empty, ends with a newline, or the file ended inside it.
  let done = split.length === 0 || sink.length < end || sink.buffer[end - 1] === NL;
  for (let want = TAIL_READ_BYTES; !done; want *= 2) {
    const tail = await readRange(dfs, split.path, base + sink.length, want, sink, signal, true);
    bytesRead += tail.received;
    done = tail.foundNewline || tail.appended < want;
  }
  return { bytes: sink.bytes(), start, end, bytesRead };
}

/** A whole file (whole-file input). */
export async function readWholeFile(dfs: DfsClient, path: string, length: number, signal: AbortSignal): Promise<SplitBytes> {
  // Its own ArrayBuffer (a pooled small Buffer cannot be moved to a thread).
  const buffer = Buffer.allocUnsafeSlow(length);
  const read = await dfs.readInto(path, 0, buffer, signal);
  return { bytes: buffer.subarray(0, read), start: 0, end: read, bytesRead: read };
}
