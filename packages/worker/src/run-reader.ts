// A sorted run of encoded records (one partition of a spill or of a map's output, a
// shuffled segment) read one record at a time, so a merge holds only each run's current
// record, never the whole run. The record is left encoded: a merge compares string keys by
// their bytes and copies records it does not need decoded; key() and value() decode. The
// run is a Buffer, or a byte range of a local file read through a window that slides along
// it (and grows for a record bigger than itself).
import fs from 'node:fs';
import { RecordDecoder, decodeRange, stringBodyAt, type Value } from '@tsmr/sdk';
import { prefixWord } from './key-byte-sort';

export type KeyValue = readonly [Value, Value];

/** Bytes of a file run read at a time. */
const WINDOW_BYTES = 1 << 20;

interface FileRange {
  fd: number;
  /** Next file offset to read into the window. */
  position: number;
  end: number;
  /** Close fd when the run is done (it was opened for this run alone). */
  owned: boolean;
}

export class RunReader {
  /** Whether the run is exhausted; else the current record is window[start, end). */
  done = false;
  /** The bytes holding the current record (valid until advance()). */
  window: Buffer;
  /** The current record: its key's encoding is window[start, valueStart), its value's window[valueStart, end). */
  start = 0;
  valueStart = 0;
  end = 0;
  /** Where the key's UTF-8 bytes start when it is a string (they end at valueStart); else -1. */
  stringKey = -1;
  /**
   * A string key's first PREFIX_BYTES bytes as three words (prefixWord), which settle most
   * comparisons in a merge: with its length, the whole key when it is no longer than them.
   */
  keyHigh = 0;
  keyMid = 0;
  keyLow = 0;
  private decoder: RecordDecoder;
  private filled: number;
  private decodedKey: Value | undefined;

  private constructor(
    initial: Buffer,
    private readonly file: FileRange | undefined,
  ) {
    this.window = initial;
    this.filled = initial.length;
    this.decoder = new RecordDecoder(initial);
    this.advance();
  }

  /** The current record's key, decoded (once). */
  key(): Value {
    if (this.decodedKey === undefined) this.decodedKey = decodeRange(this.window, this.start, this.valueStart);
    return this.decodedKey;
  }

  /** The current record's value, decoded. */
  value(): Value {
    return decodeRange(this.window, this.valueStart, this.end);
  }

  /** The current record decoded; undefined once the run is exhausted. */
  get head(): KeyValue | undefined {
    return this.done ? undefined : [this.key(), this.value()];
  }

  static ofBuffer(bytes: Buffer): RunReader {
    return new RunReader(bytes, undefined);
  }

  /** `length` bytes of the open file `fd` from `offset`; the caller closes fd. */
  static ofFileRange(fd: number, offset: number, length: number): RunReader {
    return new RunReader(Buffer.alloc(0), { fd, position: offset, end: offset + length, owned: false });
  }

  /** A whole file; closed when the run is exhausted (or by close()). */
  static ofFile(file: string): RunReader {
    const fd = fs.openSync(file, 'r');
    try {
      return new RunReader(Buffer.alloc(0), { fd, position: 0, end: fs.fstatSync(fd).size, owned: true });
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  /** Moves to the next record. */
  advance(): void {
    this.decodedKey = undefined;
    for (;;) {
      const { decoder } = this;
      if (decoder.skip()) {
        this.start = decoder.recordStart;
        this.valueStart = decoder.valueStart;
        this.end = decoder.pos;
        const key = stringBodyAt(this.window, this.start);
        this.stringKey = key;
        if (key >= 0) {
          this.keyHigh = prefixWord(this.window, key, this.valueStart);
          this.keyMid = prefixWord(this.window, key + 4, this.valueStart);
          this.keyLow = prefixWord(this.window, key + 8, this.valueStart);
        }
        return;
      }
      const { file } = this;
      if (file === undefined || file.position >= file.end) {
        if (this.decoder.pos < this.filled) {
          throw new RangeError(`sorted run ends inside a record (${this.filled - this.decoder.pos} bytes left over)`);
        }
        this.done = true;
        this.close();
        return;
      }
      this.refill(file);
    }
  }

  /** Releases the run's file, if it owns one; safe to call more than once. */
  close(): void {
    if (this.file?.owned && this.file.fd >= 0) {
      fs.closeSync(this.file.fd);
      this.file.fd = -1;
    }
  }

  /** Keeps the undecoded tail, then reads on from the file behind it. */
  private refill(file: FileRange): void {
    const leftover = this.filled - this.decoder.pos;
    if (this.window.length < WINDOW_BYTES || leftover === this.window.length) {
      // First fill, or one record larger than the window: a bigger window.
      const bigger = Buffer.allocUnsafe(Math.max(WINDOW_BYTES, 2 * this.window.length));
      this.window.copy(bigger, 0, this.decoder.pos, this.filled);
      this.window = bigger;
    } else {
      this.window.copyWithin(0, this.decoder.pos, this.filled);
    }
    const want = Math.min(this.window.length - leftover, file.end - file.position);
    let got = 0;
    while (got < want) {
      const n = fs.readSync(file.fd, this.window, leftover + got, want - got, file.position + got);
      if (n === 0) throw new RangeError(`sorted run file is shorter than expected: ${file.end - file.position - got} bytes missing`);
      got += n;
    }
    file.position += got;
    this.filled = leftover + got;
    this.decoder = new RecordDecoder(this.window.subarray(0, this.filled));
  }
}
