// The hand-written heartbeat decoder against the proto's own codec: what the master decodes
// from a worker's bytes is what protobufjs decodes, field by field, for heartbeats as workers
// send them, numbers at the edges of their types, repeated numbers packed or not, and fields
// this decoder does not know; and bytes that are not a heartbeat are refused.
import { masterProto, type AttemptReport, type WorkerHeartbeat } from '@tsmr/common';
import { decodeWorkerHeartbeat } from '../src/heartbeat-request-decoder';

const { Heartbeat } = masterProto().WorkerProtocol.service;
const encode = (heartbeat: WorkerHeartbeat) => Heartbeat.requestSerialize(heartbeat);
const expectSameAsProto = (bytes: Buffer) => expect(decodeWorkerHeartbeat(bytes)).toEqual(Heartbeat.requestDeserialize(bytes));

const map: AttemptReport = {
  attemptId: 'attempt_20261201000000_0001_m_000003_0',
  state: 'SUCCEEDED',
  counters: { MAP_INPUT_RECORDS: 1_000_000, MAP_OUTPUT_BYTES: 2 ** 40 + 3, 'ключ': 7, '': 0 },
  partitionBytes: [0, 1, 127, 128, 2 ** 31, 2 ** 53 - 1],
};
const failed: AttemptReport = {
  attemptId: 'attempt_20261201000000_0001_r_000000_2',
  state: 'FAILED',
  error: 'boom: ünïcödé 💥',
  errorStack: 'Error: boom\n    at reduce (job.ts:3:9)',
  fetchFailedMaps: [0, 5, 4999, 2 ** 31 - 1],
  userCode: true,
  failedRecord: 0,
};

it.each<[string, WorkerHeartbeat]>([
  ['an empty heartbeat', {}],
  ['a worker with no free slot', { workerId: 'worker-a', shuffleAddress: '127.0.0.1:4000', datanodeId: 'dn-1', slots: 4, freeSlots: 0 }],
  ['reports of every kind', { workerId: 'w', slots: 2 ** 31 - 1, freeSlots: 3, reports: [map, failed, { attemptId: 'attempt_20261201000000_0001_m_000004_1', state: 'RUNNING' }] }],
  ['negative numbers', { slots: -1, freeSlots: -(2 ** 31), reports: [{ ...failed, fetchFailedMaps: [-1, -(2 ** 31)], failedRecord: -5, partitionBytes: [-1, -(2 ** 40)] }] }],
  ['a skip-mode record far into a split', { reports: [{ ...failed, failedRecord: 2 ** 52 + 1 }] }],
])('%s decodes as the proto codec decodes it', (_name, heartbeat) => {
  expectSameAsProto(encode(heartbeat));
});

it('random heartbeats decode as the proto codec decodes them', () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const int = (max: number) => Math.floor(random() * max);
  const text = () => Array.from({ length: int(12) }, () => 'aZ_9 éж💥'[int(8)]).join('');
  const states = ['ATTEMPT_STATE_UNSPECIFIED', 'ASSIGNED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'KILLED'] as const;
  for (let i = 0; i < 300; i++) {
    const reports = Array.from({ length: int(5) }, (): AttemptReport => ({
      attemptId: text(),
      state: states[int(states.length)],
      error: text(),
      counters: Object.fromEntries(Array.from({ length: int(4) }, () => [text(), int(2 ** 53)])),
      partitionBytes: Array.from({ length: int(4) }, () => int(2 ** 45)),
      fetchFailedMaps: Array.from({ length: int(3) }, () => int(2 ** 20)),
      userCode: random() < 0.5,
      ...(random() < 0.3 ? { failedRecord: int(2 ** 40) } : {}),
    }));
    expectSameAsProto(encode({ workerId: text(), shuffleAddress: text(), freeSlots: int(64), slots: int(64), reports }));
  }
});

it('reads repeated numbers sent one field each (unpacked) as well as packed', () => {
  // Field 6 (partition_bytes) twice as a varint, field 7 (fetch_failed_maps) once, inside report field 6.
  const report = Buffer.from([0x30, 0x05, 0x30, 0x80, 0x01, 0x38, 0x02]);
  const bytes = Buffer.concat([Buffer.from([0x32, report.length]), report]);
  expectSameAsProto(bytes);
  expect(decodeWorkerHeartbeat(bytes).reports[0]).toMatchObject({ partitionBytes: [5, 128], fetchFailedMaps: [2] });
});

it('skips fields it does not know, of every wire type', () => {
  const known = encode({ workerId: 'w', freeSlots: 2 });
  const unknown = Buffer.from([
    (10 << 3) | 0, 0x96, 0x01, // varint
    (11 << 3) | 1, 1, 2, 3, 4, 5, 6, 7, 8, // 64-bit
    (12 << 3) | 2, 3, 0x61, 0x62, 0x63, // length-delimited
    (13 << 3) | 5, 1, 2, 3, 4, // 32-bit
  ]);
  const bytes = Buffer.concat([unknown, known, unknown]);
  expectSameAsProto(bytes);
  expect(decodeWorkerHeartbeat(bytes)).toMatchObject({ workerId: 'w', freeSlots: 2, reports: [] });
});

it.each<[string, Buffer]>([
  ['a varint cut short', Buffer.from([0x28, 0x80])],
  ['a string longer than the message', Buffer.from([0x0a, 0x05, 0x61])],
  ['a report longer than the message', Buffer.from([0x32, 0x10, 0x0a, 0x00])],
  ['a field of a report running past its end', Buffer.from([0x32, 0x02, 0x0a, 0x05, 0x61, 0x62, 0x63, 0x64, 0x65])],
  ['a varint of eleven bytes', Buffer.from([0x28, ...Array(10).fill(0xff), 0x01])],
  ['a wire type no field has', Buffer.from([0x0f])],
])('refuses %s', (_name, bytes) => {
  expect(() => decodeWorkerHeartbeat(bytes)).toThrow(RangeError);
});
