// User code that throws, kills its thread or never ends; kills from the master; shuffle
// requests for unknown or forged attempts; a reduce that cannot fetch a map's output; a
// master restart. The worker must report each and keep serving.
// The task threads run dist/task-thread.js: build first with `npx tsc -b packages/worker`.
import fs from 'node:fs';
import path from 'node:path';
import { status } from '@grpc/grpc-js';
import { AttemptState, TaskType, readFrameStream, type TaskAssignment } from '@tsmr/common';
import { SHUFFLE_STREAM } from '../src/shuffle-service';
import { attemptIdOf, eventually, fragileJob, jobIdOf, setup, stopAll } from './helpers';

jest.setTimeout(60_000);
afterEach(stopAll);

async function fetchPartition(address: string, request: { jobId: string; mapAttemptId: string; partition: number }, secret = ''): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readFrameStream(address, SHUFFLE_STREAM, { ...request, secret })) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('failures', () => {
  test('a throw in map fails the attempt with the message and stack; the worker runs the next task', async () => {
    const { master, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob(`throw new Error('bad line: ' + line);`));
    master.bundles.set(jobIdOf(2), fragileJob(''));
    const [failed] = await master.run(mapOf(1));
    expect(failed).toMatchObject({ state: AttemptState.FAILED, error: 'bad line: boom here' });
    expect(failed?.errorStack).toMatch(/bad line: boom here\n\s+at /);
    expect(failed?.errorStack).toContain('job.js');
    const [next] = await master.run(mapOf(2));
    expect(next).toMatchObject({ state: AttemptState.SUCCEEDED });
    expect(next?.counters.MAP_INPUT_RECORDS).toBe(4);
  });

  test('process.exit in map fails the attempt; the pool recovers', async () => {
    const { master, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob('process.exit(3);'));
    master.bundles.set(jobIdOf(2), fragileJob(''));
    const [failed] = await master.run(mapOf(1));
    expect(failed).toMatchObject({ state: AttemptState.FAILED, userCode: true, failedRecord: 2 });
    expect(failed?.error).toMatch(/exit/);
    const reports = await master.run(mapOf(2, 0), mapOf(2, 1), mapOf(2, 2));
    expect(reports.map((r) => r.state)).toEqual([AttemptState.SUCCEEDED, AttemptState.SUCCEEDED, AttemptState.SUCCEEDED]);
  });

  test('a bundle without a job fails the attempt with the validation message', async () => {
    const { master, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), Buffer.from('module.exports = { default: { name: "x" } };'));
    const [failed] = await master.run(mapOf(1));
    expect(failed).toMatchObject({ state: AttemptState.FAILED, error: 'job "x" has no map function' });
  });

  test('kill_attempts stops a running attempt, drops it from heartbeats and removes its files', async () => {
    const { master, worker, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob('for (;;) {}'));
    master.bundles.set(jobIdOf(2), fragileJob(''));
    const loop = mapOf(1);
    master.assign(loop);
    await eventually('the attempt to run', () =>
      master.heartbeats.some((hb) => hb.reports.some((r) => r.attemptId === loop.attemptId && r.state === AttemptState.RUNNING)),
    );
    const scratch = path.join(worker.dir, 'spill', loop.attemptId as string);
    await eventually('the thread to make its scratch dir', () => fs.existsSync(scratch));
    master.kill(loop.attemptId as string);
    const seen = master.heartbeats.length;
    await eventually('a heartbeat without the attempt, with every slot free', () =>
      master.heartbeats.slice(seen + 1).some((hb) => hb.reports.length === 0 && hb.freeSlots === 2),
    );
    await eventually('its scratch dir to go', () => !fs.existsSync(scratch));
    const [next] = await master.run(mapOf(2));
    expect(next?.state).toBe(AttemptState.SUCCEEDED);
    expect(master.heartbeats.some((hb) => hb.reports.some((r) => r.attemptId === loop.attemptId && r.state !== AttemptState.RUNNING))).toBe(false);
  });

  test('killing a finished map removes its map output', async () => {
    const { master, worker, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob(''));
    const map = mapOf(1);
    await master.run(map);
    const output = path.join(worker.dir, 'map-output', jobIdOf(1), map.attemptId as string);
    expect(fs.existsSync(path.join(output, 'index.json'))).toBe(true);
    master.kill(map.attemptId as string);
    await eventually('the map output to go', () => !fs.existsSync(output));
  });

  test('the shuffle stream serves a partition, and refuses unknown, forged and unauthenticated requests', async () => {
    const secret = 's3cret';
    const { master, worker, mapOf } = await setup({ secret });
    master.bundles.set(jobIdOf(1), fragileJob(''));
    const map = mapOf(1, 0, 2);
    const [report] = await master.run(map);
    const jobId = jobIdOf(1);
    const mapAttemptId = map.attemptId as string;
    const served = await Promise.all([0, 1].map((partition) => fetchPartition(worker.address, { jobId, mapAttemptId, partition }, secret)));
    expect(served.map((b) => b.length)).toEqual(report?.partitionBytes);
    expect(served[0]!.length + served[1]!.length).toBeGreaterThan(0);

    const unknown = fetchPartition(worker.address, { jobId, mapAttemptId: attemptIdOf(1, 'm', 7), partition: 0 }, secret);
    await expect(unknown).rejects.toMatchObject({ code: status.NOT_FOUND });
    for (const forged of ['../../../etc/passwd', `attempt_${'1'.repeat(14)}_0001_m_000000_0/..`]) {
      await expect(fetchPartition(worker.address, { jobId, mapAttemptId: forged, partition: 0 }, secret)).rejects.toMatchObject({
        code: status.INVALID_ARGUMENT,
      });
    }
    await expect(fetchPartition(worker.address, { jobId: '../x', mapAttemptId, partition: 0 }, secret)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    // An attempt of another job, a reduce attempt, a partition out of range.
    await expect(fetchPartition(worker.address, { jobId: jobIdOf(9), mapAttemptId, partition: 0 }, secret)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    await expect(
      fetchPartition(worker.address, { jobId, mapAttemptId: attemptIdOf(1, 'r', 0), partition: 0 }, secret),
    ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(fetchPartition(worker.address, { jobId, mapAttemptId, partition: 2 }, secret)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    await expect(fetchPartition(worker.address, { jobId, mapAttemptId, partition: 0 }, 'wrong')).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
    });
  });

  test('a reduce that cannot fetch a map output reports it in fetch_failed_maps', async () => {
    const { master, worker, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob(''));
    const map = mapOf(1);
    await master.run(map);
    const reduce: TaskAssignment = {
      attemptId: attemptIdOf(1, 'r', 0),
      jobId: jobIdOf(1),
      type: TaskType.REDUCE,
      taskIndex: 0,
      reducers: 1,
      output: '/out/1',
      mapOutputs: [
        { mapIndex: 0, attemptId: map.attemptId, shuffleAddress: worker.address },
        { mapIndex: 1, attemptId: attemptIdOf(1, 'm', 1), shuffleAddress: worker.address }, // never ran
        { mapIndex: 2, attemptId: attemptIdOf(1, 'm', 2), shuffleAddress: '127.0.0.1:1' }, // worker gone
      ],
    };
    const [report] = await master.run(reduce);
    expect(report).toMatchObject({ state: AttemptState.FAILED, fetchFailedMaps: [1, 2], userCode: false });
    expect(report?.error).toMatch(/map 1, 2/);
  });

  test('a reduce that cannot keep shuffled output on its own disk fails as itself, blaming no map', async () => {
    // A tiny shuffle buffer sends every segment to disk, where a directory stands in the way.
    const { master, worker, mapOf } = await setup({ shuffleBuffer: '16B' });
    master.bundles.set(jobIdOf(1), fragileJob(''));
    const map = mapOf(1);
    await master.run(map);
    const reduceId = attemptIdOf(1, 'r', 0);
    fs.mkdirSync(path.join(worker.dir, 'spill', reduceId, 'shuffle-m-000000'), { recursive: true });
    const [report] = await master.run({
      attemptId: reduceId,
      jobId: jobIdOf(1),
      type: TaskType.REDUCE,
      taskIndex: 0,
      reducers: 1,
      output: '/out/1',
      mapOutputs: [{ mapIndex: 0, attemptId: map.attemptId, shuffleAddress: worker.address }],
    });
    expect(report).toMatchObject({ state: AttemptState.FAILED, fetchFailedMaps: [], userCode: false });
    expect(report?.error).toMatch(/cannot keep shuffled map output on this worker's disk/);
  });

  test('a worker rides out a master restart and reports what finished meanwhile', async () => {
    const { master, mapOf } = await setup();
    master.bundles.set(jobIdOf(1), fragileJob('const until = Date.now() + 800; while (Date.now() < until) {}'));
    const map = mapOf(1);
    master.assign(map);
    await eventually('the attempt to run', () =>
      master.heartbeats.some((hb) => hb.reports.some((r) => r.attemptId === map.attemptId)),
    );
    await master.restart(1500);
    const report = await master.finished(map.attemptId as string);
    expect(report.state).toBe(AttemptState.SUCCEEDED);
    // Acknowledged by a reply: later heartbeats no longer carry it.
    const seen = master.heartbeats.length;
    await master.nextHeartbeat();
    await master.nextHeartbeat();
    expect(master.heartbeats.slice(seen + 1).every((hb) => hb.reports.length === 0)).toBe(true);
  });
});
