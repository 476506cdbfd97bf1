// The heartbeat reply in protobuf wire format, encoded by hand: every heartbeat sends one,
// and protobufjs's generic path (fromObject, then encode) builds a message object for each
// nested field and writes strings with a JavaScript UTF-8 loop (≈ 8% of a busy master's CPU).
// Here one walk of the reply measures it, a second writes it into one buffer. Decoders see the
// same message (fields at their defaults are left out, as proto3 allows). A job's params are
// encoded once and their bytes copied into every reply that assigns one of its tasks: they
// never change once the job is submitted. A map's split is encoded where it is assigned: a
// task is nearly always assigned once, so a cache of encoded splits missed on nearly every
// assignment (measured in process, 1,000 workers' heartbeats of 4 first attempts each: the
// encoder took 11–15 µs a heartbeat without it against 17–19 with it, alternated three times).
import type { HeartbeatReply__Output, InputSplit__Output, MapOutputLocation__Output, TaskAssignment__Output } from '@tsmr/common';

const TASK_TYPES: Record<TaskAssignment__Output['type'], number> = { TASK_TYPE_UNSPECIFIED: 0, MAP: 1, REDUCE: 2 };

// Wire types: 0 varint, 2 length-delimited.
const tag = (field: number, wireType: 0 | 2) => (field << 3) | wireType;

/** `headroom` bytes are left free before the message in its ArrayBuffer, for a frame header (see dataFrameInPlace). */
export function encodeHeartbeatReply(reply: HeartbeatReply__Output, headroom = 0): Buffer {
  return encode((p) => walkReply(p, reply), headroom);
}

function encode(walk: (p: Pass) => void, headroom = 0): Buffer {
  const size = new Sizer();
  walk(size);
  const out = new Writer(size.total, size.lengths, headroom);
  walk(out);
  return out.buffer.subarray(headroom);
}

/** Each job's params, encoded (see the top of the file), by the params object. */
const encodedParams = new WeakMap<Record<string, string>, Buffer>();

function encodedParamsOf(params: Record<string, string>): Buffer {
  let bytes = encodedParams.get(params);
  if (!bytes) encodedParams.set(params, (bytes = encode((p) => walkParams(p, params))));
  return bytes;
}

/**
 * What the walk of a message calls for each field; a scalar at its default is left out.
 * Fields < 16 (one-byte tags). A nested message's fields come between its begin() and end():
 * no closure per message, as a busy master encodes thousands a second.
 */
interface Pass {
  varint(field: number, value: number): void;
  string(field: number, value: string): void;
  /** An element of a repeated string field: written even when empty. */
  element(field: number, value: string): void;
  /** A packed repeated varint field. */
  packed(field: number, values: readonly number[]): void;
  /** Fields already encoded, tags and all. */
  encoded(bytes: Buffer): void;
  /** A nested message starts: its fields follow, until end(). */
  begin(field: number): void;
  end(): void;
}

/** First pass: the total size, and the length of every nested message in the order the walk begins them. */
class Sizer implements Pass {
  total = 0;
  readonly lengths: number[] = [];
  /** Of each message begun and not ended: its slot in lengths, and the total before it. */
  private readonly open: number[] = [];

  varint(_field: number, value: number): void {
    if (value !== 0) this.total += 1 + varintSize(value);
  }

  string(field: number, value: string): void {
    if (value !== '') this.element(field, value);
  }

  element(_field: number, value: string): void {
    this.delimited(Buffer.byteLength(value));
  }

  packed(_field: number, values: readonly number[]): void {
    if (values.length > 0) this.delimited(values.reduce((sum, v) => sum + varintSize(v), 0));
  }

  encoded(bytes: Buffer): void {
    this.total += bytes.length;
  }

  begin(): void {
    this.open.push(this.lengths.push(0) - 1, this.total);
  }

  end(): void {
    const before = this.open.pop()!;
    const slot = this.open.pop()!;
    const length = this.total - before;
    this.lengths[slot] = length;
    this.total += 1 + varintSize(length);
  }

  private delimited(length: number): void {
    this.total += 1 + varintSize(length) + length;
  }
}

/** Second pass: writes into a buffer of exactly the measured size (after the headroom). */
class Writer implements Pass {
  readonly buffer: Buffer;
  private at: number;
  private nested = 0;

  constructor(
    size: number,
    private readonly lengths: readonly number[],
    headroom: number,
  ) {
    this.buffer = Buffer.allocUnsafe(headroom + size);
    this.at = headroom;
  }

  varint(field: number, value: number): void {
    if (value === 0) return;
    this.buffer[this.at++] = tag(field, 0);
    this.raw(value);
  }

  string(field: number, value: string): void {
    if (value !== '') this.element(field, value);
  }

  element(field: number, value: string): void {
    this.buffer[this.at++] = tag(field, 2);
    const length = Buffer.byteLength(value);
    this.raw(length);
    this.at += this.buffer.write(value, this.at, length, 'utf8');
  }

  packed(field: number, values: readonly number[]): void {
    if (values.length === 0) return;
    this.buffer[this.at++] = tag(field, 2);
    this.raw(values.reduce((sum, v) => sum + varintSize(v), 0));
    for (const value of values) this.raw(value);
  }

  encoded(bytes: Buffer): void {
    this.at += bytes.copy(this.buffer, this.at);
  }

  begin(field: number): void {
    this.buffer[this.at++] = tag(field, 2);
    this.raw(this.lengths[this.nested++]!);
  }

  end(): void {}

  /** Non-negative integers only: every number in the reply is a count, index, offset or size. */
  private raw(value: number): void {
    while (value >= 0x80) {
      this.buffer[this.at++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.at++] = value;
  }
}

function varintSize(value: number): number {
  if (!(value >= 0 && Number.isSafeInteger(value))) throw new RangeError(`cannot encode ${value} as an unsigned varint`);
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    size++;
  }
  return size;
}

// Field numbers as in proto/master.proto.

function walkReply(p: Pass, reply: HeartbeatReply__Output): void {
  for (const assignment of reply.assignments) {
    p.begin(1);
    walkAssignment(p, assignment);
    p.end();
  }
  for (const attemptId of reply.killAttempts) p.element(2, attemptId);
  p.varint(3, reply.heartbeatIntervalMs);
  p.varint(4, reply.heartbeatPort);
}

function walkAssignment(p: Pass, a: TaskAssignment__Output): void {
  p.string(1, a.attemptId);
  p.string(2, a.jobId);
  p.varint(3, TASK_TYPES[a.type]);
  p.varint(4, a.taskIndex);
  const split = a.split;
  if (split) {
    p.begin(5);
    walkSplit(p, split);
    p.end();
  }
  p.varint(6, a.reducers);
  p.encoded(encodedParamsOf(a.params));
  p.string(8, a.output);
  for (const location of a.mapOutputs) {
    p.begin(9);
    walkMapOutput(p, location);
    p.end();
  }
  p.packed(10, a.skipRecords);
  p.varint(11, a.outputReplication);
}

function walkParams(p: Pass, params: Record<string, string>): void {
  for (const key of Object.keys(params)) {
    p.begin(7);
    p.string(1, key);
    p.string(2, params[key]!);
    p.end();
  }
}

function walkSplit(p: Pass, s: InputSplit__Output): void {
  p.string(1, s.path);
  p.varint(2, s.offset);
  p.varint(3, s.length);
  p.varint(4, s.fileLength);
  for (const host of s.hosts) p.element(5, host);
}

function walkMapOutput(p: Pass, m: MapOutputLocation__Output): void {
  p.varint(1, m.mapIndex);
  p.string(2, m.attemptId);
  p.string(3, m.shuffleAddress);
}
