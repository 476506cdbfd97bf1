// The hand-written heartbeat reply encoder against the proto's own codec: what a worker
// decodes from its bytes is what it decodes from protobufjs's.
import { masterProto, type HeartbeatReply__Output, type TaskAssignment__Output } from '@tsmr/common';
import { encodeHeartbeatReply } from '../src/heartbeat-reply-encoder';

const { Heartbeat } = masterProto().WorkerProtocol.service;
const viaProto = (reply: HeartbeatReply__Output) => Heartbeat.responseDeserialize(Heartbeat.responseSerialize(reply));
const viaEncoder = (reply: HeartbeatReply__Output) => Heartbeat.responseDeserialize(encodeHeartbeatReply(reply));

const map: TaskAssignment__Output = {
  attemptId: 'attempt_20261201000000_0001_m_000003_0',
  jobId: 'job_20261201000000_0001',
  type: 'MAP',
  taskIndex: 3,
  split: { path: '/in/ünïcödé/part-0', offset: 3 * 2 ** 26, length: 2 ** 26, fileLength: 2 ** 40 + 7, hosts: ['dn-a', '', 'dn-b'] },
  reducers: 2,
  params: { month: '2026-11', empty: '', 'ключ': 'значение' },
  output: '/out/wc',
  mapOutputs: [],
  skipRecords: [0, 127, 128, 2 ** 35],
  outputReplication: 1,
};
const reduce: TaskAssignment__Output = {
  ...map,
  attemptId: 'attempt_20261201000000_0001_r_000000_1',
  type: 'REDUCE',
  taskIndex: 0,
  split: null,
  params: {},
  mapOutputs: [
    { mapIndex: 0, attemptId: 'attempt_20261201000000_0001_m_000000_0', shuffleAddress: '127.0.0.1:4000' },
    { mapIndex: 1, attemptId: 'attempt_20261201000000_0001_m_000001_2', shuffleAddress: '[::1]:4001' },
  ],
  skipRecords: [],
  outputReplication: 0,
};

it.each<[string, HeartbeatReply__Output]>([
  ['an empty reply', { assignments: [], killAttempts: [], heartbeatIntervalMs: 0, heartbeatPort: 0 }],
  ['a map and a reduce, with kills', { assignments: [map, reduce], killAttempts: ['attempt_20261201000000_0001_m_000009_0', ''], heartbeatIntervalMs: 1000, heartbeatPort: 40123 }],
  ['a long reply', { assignments: Array.from({ length: 300 }, (_, i) => ({ ...map, taskIndex: i * 1000 })), killAttempts: [], heartbeatIntervalMs: 2 ** 31, heartbeatPort: 65535 }],
])('%s decodes as the proto codec encodes it', (_name, reply) => {
  expect(viaEncoder(reply)).toEqual(viaProto(reply));
});

it('refuses numbers a varint of the reply cannot carry', () => {
  expect(() => encodeHeartbeatReply({ assignments: [{ ...map, taskIndex: -1 }], killAttempts: [], heartbeatIntervalMs: 0, heartbeatPort: 0 })).toThrow(RangeError);
});
