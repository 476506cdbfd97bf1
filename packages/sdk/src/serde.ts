// A compact tagged binary encoding of keys and values, for map output spills and the
// shuffle. Each value is one tag byte, then:
//   0x00 null | 0x01 false | 0x02 true                    (nothing)
//   0x03 integer in [-2^31, 2^31)                          zigzag varint
//   0x04 any other finite number                           float64, little-endian
//   0x05 string                                            varint byte length, UTF-8 bytes
//   0x06 Buffer                                            varint length, the bytes
//   0x07 array                                             varint count, each element
//   0x08 object                                            varint count, then per property:
//                                                          varint name length, UTF-8 name, value
// A record is its key's encoding followed by its value's; a batch is records back to back,
// with no header, so two batches concatenated are one batch. The encoding is not
// order-preserving: sort decoded keys with compareKeys.
import { InvalidRecordError } from './errors';
import { describeType, isPlainObject, type Value } from './values';

const NULL = 0x00;
const FALSE = 0x01;
const TRUE = 0x02;
const INT = 0x03;
const FLOAT = 0x04;
const STRING = 0x05;
const BYTES = 0x06;
const ARRAY = 0x07;
const OBJECT = 0x08;

/** Below this many bytes a loop copies faster than Buffer#copy (whose call costs ≈ 70 ns). */
const SHORT_COPY = 32;

/** Copies src[start, end) to dst at `at`; returns the bytes copied. */
export function copyBytes(src: Buffer, start: number, end: number, dst: Buffer, at: number): number {
  if (end - start >= SHORT_COPY) return src.copy(dst, at, start, end);
  for (let i = start; i < end; i++) dst[at++] = src[i] as number;
  return end - start;
}

/** Strings up to this long are written by a loop when ASCII: ≈ 30 ns against ≈ 75 ns for a Buffer#write call. */
const SHORT_STRING = 24;

/** A growable output buffer. */
class Writer {
  buf: Buffer;
  pos = 0;
  constructor(initialSize: number) {
    this.buf = Buffer.allocUnsafe(Math.max(64, initialSize));
  }
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  varint(n: number): void {
    this.ensure(5);
    while (n > 0x7f) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
  }
  string(s: string): void {
    if (s.length <= SHORT_STRING && this.ascii(s)) return;
    // A string of at most 42 UTF-16 units is at most 126 UTF-8 bytes, so its length fits the
    // one-byte varint we can fill in after writing: no separate Buffer.byteLength pass.
    if (s.length <= 42) {
      this.ensure(1 + s.length * 3);
      const n = this.buf.write(s, this.pos + 1, 'utf8');
      this.buf[this.pos] = n;
      this.pos += 1 + n;
    } else {
      const n = Buffer.byteLength(s, 'utf8');
      this.varint(n);
      this.ensure(n);
      this.pos += this.buf.write(s, this.pos, 'utf8');
    }
  }
  /** Writes a short string (length byte, then its bytes) if it is ASCII; false, writing nothing, if not. */
  private ascii(s: string): boolean {
    const n = s.length;
    this.ensure(1 + n);
    const { buf } = this;
    const at = this.pos + 1;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return false;
      buf[at + i] = c;
    }
    buf[this.pos] = n;
    this.pos = at + n;
    return true;
  }
  value(x: Value): void {
    this.ensure(9);
    if (typeof x === 'string') {
      this.buf[this.pos++] = STRING;
      this.string(x);
    } else if (typeof x === 'number') {
      if (Number.isInteger(x) && x >= -0x80000000 && x <= 0x7fffffff) {
        this.buf[this.pos++] = INT;
        this.varint(((x << 1) ^ (x >> 31)) >>> 0);
      } else if (Number.isFinite(x)) {
        this.buf[this.pos++] = FLOAT;
        this.pos = this.buf.writeDoubleLE(x, this.pos);
      } else {
        throw notSerializable(x);
      }
    } else if (x === null) {
      this.buf[this.pos++] = NULL;
    } else if (typeof x === 'boolean') {
      this.buf[this.pos++] = x ? TRUE : FALSE;
    } else if (x instanceof Uint8Array) {
      this.buf[this.pos++] = BYTES;
      this.varint(x.length);
      this.ensure(x.length);
      this.buf.set(x, this.pos);
      this.pos += x.length;
    } else if (Array.isArray(x)) {
      this.buf[this.pos++] = ARRAY;
      this.varint(x.length);
      for (const el of x as readonly Value[]) this.value(el);
    } else {
      // Emit already checked values; this guards direct encode calls.
      if (typeof x !== 'object' || !isPlainObject(x)) throw notSerializable(x);
      const obj = x as { readonly [k: string]: Value };
      const names = Object.keys(obj);
      this.buf[this.pos++] = OBJECT;
      this.varint(names.length);
      for (const name of names) {
        this.string(name);
        this.value(obj[name] as Value);
      }
    }
  }
  /** Appends bytes already encoded. */
  raw(src: Buffer, start: number, end: number): void {
    this.ensure(end - start);
    this.pos += copyBytes(src, start, end, this.buf, this.pos);
  }
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

function notSerializable(x: unknown): InvalidRecordError {
  return new InvalidRecordError(`cannot encode ${describeType(x)}; emit JSON-like data or Buffers`);
}

/** The input ends inside a value: more bytes may complete it. */
class TruncatedError extends RangeError {
  constructor(pos: number) {
    super(`serde: truncated input at byte ${pos}`);
  }
}

function unknownTag(tag: number, pos: number): RangeError {
  return new RangeError(`serde: unknown tag 0x${tag.toString(16)} at byte ${pos}`);
}

/** Reads values back from one buffer, advancing `pos`. */
class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  byte(): number {
    if (this.pos >= this.buf.length) throw new TruncatedError(this.pos);
    return this.buf[this.pos++] as number;
  }
  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }
  end(n: number): number {
    const end = this.pos + n;
    if (end > this.buf.length) throw new TruncatedError(this.pos);
    return end;
  }
  string(): string {
    const n = this.varint();
    const end = this.end(n);
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end;
    return s;
  }
  /** Moves over one value without decoding it. */
  skip(): void {
    const tag = this.byte();
    switch (tag) {
      case STRING:
      case BYTES:
        this.pos = this.end(this.varint());
        return;
      case INT:
        this.varint();
        return;
      case NULL:
      case FALSE:
      case TRUE:
        return;
      case FLOAT:
        this.pos = this.end(8);
        return;
      case ARRAY: {
        const n = this.varint();
        for (let i = 0; i < n; i++) this.skip();
        return;
      }
      case OBJECT: {
        const n = this.varint();
        for (let i = 0; i < n; i++) {
          this.pos = this.end(this.varint());
          this.skip();
        }
        return;
      }
      default:
        throw unknownTag(tag, this.pos - 1);
    }
  }
  value(): Value {
    const tag = this.byte();
    switch (tag) {
      case STRING:
        return this.string();
      case INT: {
        const z = this.varint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case FLOAT: {
        const end = this.end(8);
        const x = this.buf.readDoubleLE(this.pos);
        this.pos = end;
        return x;
      }
      case BYTES: {
        const end = this.end(this.varint());
        // A copy, so a decoded key does not pin (or alias) the whole batch buffer.
        const b = Buffer.from(this.buf.subarray(this.pos, end));
        this.pos = end;
        return b;
      }
      case ARRAY: {
        const n = this.varint();
        const arr: Value[] = new Array<Value>(n);
        for (let i = 0; i < n; i++) arr[i] = this.value();
        return arr;
      }
      case OBJECT: {
        const n = this.varint();
        const obj: { [k: string]: Value } = {};
        for (let i = 0; i < n; i++) {
          const name = this.string();
          // defineProperty, so a "__proto__" property comes back as data, not a prototype.
          Object.defineProperty(obj, name, { value: this.value(), enumerable: true, writable: true, configurable: true });
        }
        return obj;
      }
      default:
        throw unknownTag(tag, this.pos - 1);
    }
  }
}

/** Encodes one value. Throws InvalidRecordError for anything that is not a Value. */
export function encode(x: Value): Buffer {
  const w = new Writer(64);
  w.value(x);
  return w.result();
}

/** Decodes one value; the buffer must hold exactly one. */
export function decode(buf: Buffer): Value {
  const r = new Reader(buf);
  const x = r.value();
  if (!r.done) throw new RangeError(`serde: ${buf.length - r.pos} trailing bytes after the value`);
  return x;
}

/** Decodes the one value encoded at buf[start, end). */
export function decodeRange(buf: Buffer, start: number, end: number): Value {
  // An integer of one varint byte (a count, a hit): the commonest value, decoded without a Reader.
  if (end === start + 2 && buf[start] === INT && (buf[start + 1] as number) < 0x80) {
    const z = buf[start + 1] as number;
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  const r = new Reader(buf);
  r.pos = start;
  const x = r.value();
  if (r.pos !== end) throw new RangeError(`serde: the value at byte ${start} ends at ${r.pos}, not ${end}`);
  return x;
}

/** Encodes records as they come: add() them, take() the bytes so far (then it starts afresh). */
export class RecordEncoder {
  private w = new Writer(64 * 1024);

  add(key: Value, value: Value): void {
    this.w.value(key);
    this.w.value(value);
  }

  /** Appends one value: a record is its key's encoding, then its value's (for a caller that marks where each starts). */
  addValue(x: Value): void {
    this.w.value(x);
  }

  /** Appends records already encoded: the bytes [start, end) of another encoding. */
  addEncoded(src: Buffer, start: number, end: number): void {
    this.w.raw(src, start, end);
  }

  /** Bytes encoded since the last take(). */
  get length(): number {
    return this.w.pos;
  }

  /** The bytes encoded since the last take(), without taking them: a view valid until the next add. */
  peek(): Buffer {
    return this.w.result();
  }

  take(): Buffer {
    const bytes = this.w.result();
    this.w = new Writer(64 * 1024);
    return bytes;
  }
}

/** Encodes [key, value] records into one buffer (see the format above). */
export function encodeRecords(records: Iterable<readonly [Value, Value]>): Buffer {
  const encoder = new RecordEncoder();
  for (const [k, v] of records) encoder.add(k, v);
  return encoder.take();
}

/**
 * Steps over records one at a time, without decoding them, in a buffer that may end inside a
 * record (a window onto a longer run): each skip() marks one record's key and value, and
 * decodeRange decodes either when wanted.
 */
export class RecordDecoder {
  private readonly reader: Reader;
  /** The record skip() last stepped over: its key is buf[recordStart, valueStart), its value buf[valueStart, pos). */
  recordStart = 0;
  valueStart = 0;

  constructor(buf: Buffer) {
    this.reader = new Reader(buf);
  }

  /** Offset of the next record in the buffer. */
  get pos(): number {
    return this.reader.pos;
  }

  /** Steps over the next whole record; false at the end of the buffer's whole records (pos then stays at the incomplete one's start). */
  skip(): boolean {
    const { reader } = this;
    if (reader.done) return false;
    const start = reader.pos;
    try {
      reader.skip();
      this.valueStart = reader.pos;
      reader.skip();
    } catch (err) {
      if (!(err instanceof TruncatedError)) throw err;
      reader.pos = start;
      return false;
    }
    this.recordStart = start;
    return true;
  }
}

/** Where the UTF-8 bytes of the string encoded at buf[pos] start; -1 if the value there is not a string. */
export function stringBodyAt(buf: Uint8Array, pos: number): number {
  if (buf[pos] !== STRING) return -1;
  let at = pos + 1;
  while ((buf[at] as number) >= 0x80) at++;
  return at + 1;
}

/** Decodes every [key, value] record of a buffer written by encodeRecords (or several, concatenated). */
export function decodeRecords(buf: Buffer): Array<[Value, Value]> {
  const r = new Reader(buf);
  const out: Array<[Value, Value]> = [];
  while (!r.done) {
    const k = r.value();
    out.push([k, r.value()]);
  }
  return out;
}
