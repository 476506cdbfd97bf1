// The scheduler bench's simulated workers' end of the heartbeat stream: the wire of the
// workers' own client (packages/common/src/heartbeat-stream.ts: one TCP connection, a JSON
// request frame with the secret, then a WorkerHeartbeat DATA frame answered by a
// HeartbeatReply DATA frame, one at a time), but the protobuf is written and read by hand,
// and only for what a simulated worker needs: it writes its identity (encoded once), free
// slots and reports, and reads each assignment's attempt id (as bytes, echoed back in its
// report) and type, and the heartbeat interval, skipping every other field.
//
// Why: the 1,000 simulated workers share the master's 2 cores, which a real worker does not.
// With the workers' own client they took 0.58 cores paced, half of it protobufjs building
// and reading whole messages and the garbage collector collecting them (profiled with
// `node --cpu-prof`), CPU the master then waited for; with this one, 0.27–0.32 cores. The
// first heartbeat with reports and the first reply with assignments are checked against the
// proto's own (de)serializer (see checkHeartbeat, checkReply).
const { FRAME, FRAME_HEADER_BYTES, FrameJoiner, connectFrameStream, decodeError, encodeRequest, frameHeader, masterProto, MAX_MESSAGE_BYTES } = require('../packages/common/dist');
const { Reader, Writer } = require('protobufjs/minimal');

// Field numbers and enum values of proto/master.proto.
const HEARTBEAT = { workerId: 1, shuffleAddress: 2, slots: 4, freeSlots: 5, reports: 6 };
const REPORT = { attemptId: 1, state: 2, partitionBytes: 6 };
const REPLY = { assignments: 1, heartbeatIntervalMs: 3 };
const ASSIGNMENT = { attemptId: 1, type: 3 };
const WIRE = { VARINT: 0, BYTES: 2 };
const TASK_TYPE_MAP = 1;
const SUCCEEDED = 3;
const tag = (field, wire) => (field << 3) | wire;

const TIMEOUT_MS = 10_000;

/**
 * A WorkerHeartbeat of a worker `identity` ({ workerId, shuffleAddress, slots }), with its
 * free slots and the attempts it reports SUCCEEDED (a map with one partition of 1 byte).
 */
class HeartbeatEncoder {
  constructor(identity) {
    this.identityBytes = Writer.create()
      .uint32(tag(HEARTBEAT.workerId, WIRE.BYTES))
      .string(identity.workerId)
      .uint32(tag(HEARTBEAT.shuffleAddress, WIRE.BYTES))
      .string(identity.shuffleAddress)
      .uint32(tag(HEARTBEAT.slots, WIRE.VARINT))
      .int32(identity.slots)
      .finish();
  }

  /** `done`: [{ attemptId: bytes, map: boolean }], as decodeReply gives them. */
  encode(freeSlots, done) {
    const w = Writer.create();
    w.uint32(tag(HEARTBEAT.freeSlots, WIRE.VARINT)).int32(freeSlots);
    for (const a of done) {
      w.uint32(tag(HEARTBEAT.reports, WIRE.BYTES)).fork();
      w.uint32(tag(REPORT.attemptId, WIRE.BYTES)).bytes(a.attemptId);
      w.uint32(tag(REPORT.state, WIRE.VARINT)).int32(SUCCEEDED);
      if (a.map) w.uint32(tag(REPORT.partitionBytes, WIRE.BYTES)).fork().int64(1).ldelim();
      w.ldelim();
    }
    const rest = w.finish();
    return Buffer.concat([frameHeader(FRAME.DATA, this.identityBytes.length + rest.length), this.identityBytes, rest]);
  }
}

/** A HeartbeatReply's assignments ([{ attemptId: bytes, map }]) and heartbeat interval. */
function decodeReply(payload) {
  const r = Reader.create(payload);
  const assignments = [];
  let intervalMs = 0;
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === tag(REPLY.assignments, WIRE.BYTES)) assignments.push(decodeAssignment(r, r.uint32() + r.pos));
    else if (t === tag(REPLY.heartbeatIntervalMs, WIRE.VARINT)) intervalMs = r.uint32(); // an int64 on the wire, small enough for 32 bits
    else r.skipType(t & 7);
  }
  return { assignments, intervalMs };
}

function decodeAssignment(r, end) {
  let attemptId;
  let type = 0;
  while (r.pos < end) {
    const t = r.uint32();
    if (t === tag(ASSIGNMENT.attemptId, WIRE.BYTES)) attemptId = r.bytes();
    else if (t === tag(ASSIGNMENT.type, WIRE.VARINT)) type = r.int32();
    else r.skipType(t & 7);
  }
  return { attemptId, map: type === TASK_TYPE_MAP };
}

// Once a process, the first heartbeat with reports and the first reply with assignments are
// also read by the real deserializer; the bench polls mismatch() and fails if they disagree.
let heartbeatChecked = false;
let replyChecked = false;
let mismatch;
const { Heartbeat } = masterProto().WorkerProtocol.service;

function agree(what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) mismatch ??= new Error(`the simulated workers' ${what} disagrees with the proto: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

function checkHeartbeat(frame, identity, freeSlots, done) {
  heartbeatChecked = true;
  const want = [identity.workerId, identity.shuffleAddress, identity.slots, freeSlots, done.map((a) => [text(a.attemptId), 'SUCCEEDED', a.map ? [1] : []])];
  try {
    const real = Heartbeat.requestDeserialize(frame.subarray(FRAME_HEADER_BYTES));
    agree('heartbeat', [real.workerId, real.shuffleAddress, real.slots, real.freeSlots, real.reports.map((r) => [r.attemptId, r.state, r.partitionBytes.map(Number)])], want);
  } catch (err) {
    mismatch ??= err;
  }
}

function checkReply(payload, decoded) {
  replyChecked = true;
  try {
    const real = Heartbeat.responseDeserialize(payload);
    agree('reply reader', decoded.assignments.map((a) => [text(a.attemptId), a.map]), real.assignments.map((a) => [a.attemptId, a.type === 'MAP']));
  } catch (err) {
    mismatch ??= err;
  }
}

const text = (bytes) => Buffer.from(bytes).toString('utf8');

/**
 * One simulated worker's connection to the heartbeat stream at `address`. Once it fails (the
 * connection breaks, the master sends ERROR, a heartbeat goes unanswered for 10 s), every
 * heartbeat on it rejects: the caller makes another.
 */
class SimHeartbeatStream {
  constructor(address, secret, identity) {
    this.address = address;
    this.identity = identity;
    this.encoder = new HeartbeatEncoder(identity);
    this.pending = undefined;
    this.failedWith = undefined;
    this.socket = connectFrameStream(address);
    const joiner = new FrameJoiner(MAX_MESSAGE_BYTES, (type, payload) => this.onFrame(type, payload));
    this.socket.on('data', (chunk) => {
      try {
        joiner.push(chunk);
      } catch (err) {
        this.fail(err);
      }
    });
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => this.fail(new Error('the connection closed')));
    this.socket.write(encodeRequest({ secret: secret ?? '' }));
  }

  /** Resolves to the reply's { assignments, intervalMs }. */
  heartbeat(freeSlots, done) {
    if (this.failedWith) return Promise.reject(this.failedWith);
    const frame = this.encoder.encode(freeSlots, done);
    if (!heartbeatChecked && done.length > 0) checkHeartbeat(frame, this.identity, freeSlots, done);
    this.socket.write(frame);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`no answer for ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      this.pending = { resolve, reject, timer };
    });
  }

  close() {
    this.fail(new Error('closed'));
  }

  onFrame(type, payload) {
    if (type === FRAME.ERROR) return this.fail(new Error(decodeError(payload).message));
    const call = this.pending;
    if (this.failedWith || !call) return this.fail(new Error(`a frame of type ${type} answering no heartbeat`));
    this.pending = undefined;
    clearTimeout(call.timer);
    let reply;
    try {
      reply = decodeReply(payload);
      if (!replyChecked && reply.assignments.length > 0) checkReply(payload, reply);
    } catch (err) {
      return this.fail(err);
    }
    call.resolve(reply);
  }

  fail(err) {
    if (this.failedWith) return;
    this.failedWith = new Error(`heartbeat stream ${this.address}: ${err.message}`);
    this.socket.destroy();
    const call = this.pending;
    this.pending = undefined;
    if (call) {
      clearTimeout(call.timer);
      call.reject(this.failedWith);
    }
  }
}

module.exports = { SimHeartbeatStream, mismatch: () => mismatch };
