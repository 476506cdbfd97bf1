// The worker's heartbeat in protobuf wire format, decoded by hand: every heartbeat brings
// one, and protobufjs's generic path (decode into message objects, then toObject into plain
// ones) built ≈ 5 KB of objects for a heartbeat of four reports and ≈ 10 KB with a map's
// counters, 4–10 µs of a busy master's main thread (measured in process). Here one pass
// over the bytes builds the plain objects the proto loader would (its options: longs as
// numbers, enums as names, defaults filled in, `_failedRecord` naming the optional field
// that is set): the tests compare the two on every field.
import type { AttemptReport__Output, AttemptState__Output, WorkerHeartbeat__Output } from '@tsmr/common';

/** AttemptState by number, as proto/master.proto numbers it. */
const ATTEMPT_STATES: readonly AttemptState__Output[] = ['ATTEMPT_STATE_UNSPECIFIED', 'ASSIGNED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'KILLED'];

/** Throws (RangeError) on bytes that are not a WorkerHeartbeat. */
export function decodeWorkerHeartbeat(bytes: Buffer): WorkerHeartbeat__Output {
  const r = new Reader(bytes);
  const heartbeat: WorkerHeartbeat__Output = { workerId: '', shuffleAddress: '', datanodeId: '', slots: 0, freeSlots: 0, reports: [] };
  while (r.more(bytes.length)) {
    const key = r.varint32();
    switch (key >>> 3) {
      case 1:
        heartbeat.workerId = r.string();
        break;
      case 2:
        heartbeat.shuffleAddress = r.string();
        break;
      case 3:
        heartbeat.datanodeId = r.string();
        break;
      case 4:
        heartbeat.slots = r.varint32();
        break;
      case 5:
        heartbeat.freeSlots = r.varint32();
        break;
      case 6:
        heartbeat.reports.push(decodeReport(r, r.end()));
        break;
      default:
        r.skip(key);
    }
  }
  return heartbeat;
}

function decodeReport(r: Reader, end: number): AttemptReport__Output {
  const report: AttemptReport__Output = {
    attemptId: '',
    state: 'ATTEMPT_STATE_UNSPECIFIED',
    error: '',
    errorStack: '',
    counters: {},
    partitionBytes: [],
    fetchFailedMaps: [],
    userCode: false,
  };
  while (r.more(end)) {
    const key = r.varint32();
    switch (key >>> 3) {
      case 1:
        report.attemptId = r.string();
        break;
      case 2: {
        const state = r.varint32();
        // An unknown number stays a number, as protobufjs leaves it.
        report.state = ATTEMPT_STATES[state] ?? (state as unknown as AttemptState__Output);
        break;
      }
      case 3:
        report.error = r.string();
        break;
      case 4:
        report.errorStack = r.string();
        break;
      case 5:
        decodeCounter(r, r.end(), report.counters);
        break;
      // Repeated numbers come packed (one length-delimited field) or one field each.
      case 6:
        if ((key & 7) !== LEN) report.partitionBytes.push(r.int64());
        else for (const packedEnd = r.end(); r.more(packedEnd); ) report.partitionBytes.push(r.int64());
        break;
      case 7:
        if ((key & 7) !== LEN) report.fetchFailedMaps.push(r.varint32());
        else for (const packedEnd = r.end(); r.more(packedEnd); ) report.fetchFailedMaps.push(r.varint32());
        break;
      case 8:
        report.userCode = r.int64() !== 0;
        break;
      case 9:
        report.failedRecord = r.int64();
        report._failedRecord = 'failedRecord';
        break;
      default:
        r.skip(key);
    }
  }
  return report;
}

/** One entry of map<string, int64> counters (a message of key = 1, value = 2). */
function decodeCounter(r: Reader, end: number, counters: Record<string, number>): void {
  let name = '';
  let value = 0;
  while (r.more(end)) {
    const key = r.varint32();
    if (key >>> 3 === 1) name = r.string();
    else if (key >>> 3 === 2) value = r.int64();
    else r.skip(key);
  }
  counters[name] = value;
}

// Wire types. A field's value is read as its number says (as protobufjs's decoders do),
// whatever wire type it came with, but for repeated numbers, which may come packed.
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

/** A cursor over the message's bytes; every read checks that its bytes are there. */
class Reader {
  private at = 0;

  constructor(private readonly bytes: Buffer) {}

  /** Whether a field starts before `end`; throws if a field ran past it. */
  more(end: number): boolean {
    if (this.at > end) throw new RangeError(`a field runs past the end of its message (byte ${this.at} of ${end})`);
    return this.at < end;
  }

  /** The length of a length-delimited field, as the offset where it ends. */
  end(): number {
    const length = this.varint32();
    const end = this.at + length;
    if (length < 0 || end > this.bytes.length) throw new RangeError(`a field of ${length} bytes at byte ${this.at} runs past the message's ${this.bytes.length}`);
    return end;
  }

  string(): string {
    const end = this.end();
    const value = this.bytes.toString('utf8', this.at, end);
    this.at = end;
    return value;
  }

  /** A varint's low 32 bits, signed (int32, enums, tags and lengths). */
  varint32(): number {
    const first = this.byte();
    if (first < 0x80) return first;
    let value = first & 0x7f;
    for (let shift = 7; shift < 35; shift += 7) {
      const b = this.byte();
      value |= (b & 0x7f) << shift;
      if (b < 0x80) return value;
    }
    // A negative int32 is ten bytes long: the rest only repeats its sign.
    for (let i = 5; i < 10; i++) if (this.byte() < 0x80) return value;
    throw new RangeError('a varint longer than 10 bytes');
  }

  /** An int64 as a number (as protobufjs's longs: Number): exact up to 2^53. */
  int64(): number {
    let low = 0;
    let high = 0;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      if (i < 4) low |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        low |= (b & 0x0f) << 28;
        high = (b & 0x7f) >> 4;
      } else high |= (b & 0x7f) << (7 * i - 32);
      if (b < 0x80) {
        low >>>= 0;
        high >>>= 0;
        if (high >>> 31 === 0) return high * 2 ** 32 + low;
        // Two's complement, as protobufjs's LongBits.toNumber does it.
        const negLow = (~low + 1) >>> 0;
        const negHigh = (~high + (negLow === 0 ? 1 : 0)) >>> 0;
        return -(negHigh * 2 ** 32 + negLow);
      }
    }
    throw new RangeError('a varint longer than 10 bytes');
  }

  /** Skips a field this decoder does not know (a newer worker's), by its wire type. */
  skip(key: number): void {
    switch (key & 7) {
      case VARINT:
        this.int64();
        return;
      case I64:
        this.advance(8);
        return;
      case LEN:
        this.at = this.end();
        return;
      case I32:
        this.advance(4);
        return;
      default:
        throw new RangeError(`wire type ${key & 7} (field ${key >>> 3}) is not one this decoder reads`);
    }
  }

  private advance(n: number): void {
    if (this.at + n > this.bytes.length) throw new RangeError(`a field runs past the message's ${this.bytes.length} bytes`);
    this.at += n;
  }

  private byte(): number {
    if (this.at >= this.bytes.length) throw new RangeError(`the message ends inside a field (${this.bytes.length} bytes)`);
    return this.bytes[this.at++]!;
  }
}
