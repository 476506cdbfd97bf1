// A master stopped and started again on the same dir: jobs, tasks and attempts survive,
// running attempts are kept for workers that still report them, and a commit cut short
// by a crash is finished.
import { JobStore } from '../src/job-store';
import { FakeWorker, runJob, startMiniDfs, startTestMaster, stopAll, submit, waitForState, writeInput, type MiniDfs } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;

beforeEach(async () => {
  dfs = await startMiniDfs(2);
  await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 2 * 4096);
});

/** Runs the maps of a fresh job on `w` and hands it the reduces; returns the job id and reduce assignments. */
async function jobWithRunningReduces(m: Awaited<ReturnType<typeof startTestMaster>>, w: FakeWorker, reducers: number) {
  const jobId = await submit(m.client, { inputs: ['/in'], output: '/out', reducers });
  for (const map of await w.heartbeat(2)) await w.succeed(dfs.dfs, map);
  const reduces = await w.heartbeat(reducers);
  expect(reduces.map((r) => r.type)).toEqual(Array(reducers).fill('REDUCE'));
  return { jobId, reduces };
}

it('restores jobs and running attempts; the job completes after the restart', async () => {
  const first = await startTestMaster(dfs);
  const w = new FakeWorker(first.worker, 'w', dfs.datanodeIds[0]);
  const { jobId, reduces } = await jobWithRunningReduces(first, w, 1);
  await first.stop();

  const second = await startTestMaster(dfs, { dir: first.dir });
  expect(await second.client.GetJobStatus({ jobId })).toMatchObject({ state: 'RUNNING', mapsDone: 2, reducesDone: 0 });
  const again = new FakeWorker(second.worker, 'w', dfs.datanodeIds[0], w.shuffleAddress);
  again.running.set(reduces[0]!.attemptId, reduces[0]!);
  // An attempt this master never assigned is killed; the restored one keeps running.
  const stranger = reduces[0]!.attemptId.replace(/_0$/, '_7');
  again.running.set(stranger, reduces[0]!);
  await again.heartbeat(0);
  expect(again.killed).toEqual([stranger]);
  // The restored attempt's task is running, not waiting for a worker.
  expect(await new FakeWorker(second.worker, 'other', dfs.datanodeIds[1]).heartbeat(2)).toEqual([]);
  // Past the worker timeout, still listed: still running.
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await again.heartbeat(0);
  }
  expect(again.killed).toEqual([stranger]);

  await again.succeed(dfs.dfs, reduces[0]!);
  await again.heartbeat(0);
  await waitForState(second.client, jobId, 'SUCCEEDED');
  expect((await dfs.dfs.list('/out')).map((f) => f.path).sort()).toEqual(['/out/_SUCCESS', '/out/part-r-00000']);
  expect((await second.client.GetJobHistory({ jobId })).attempts).toHaveLength(3);
  // Ids go on from the same stamp and sequence.
  await writeInput(dfs.dfs, '/in2/b.txt', 10);
  expect(await submit(second.client, { inputs: ['/in2'], output: '/out2' })).toBe(jobId.replace(/0001$/, '0002'));
});

it('re-runs the attempts and map outputs of a worker that does not come back after the restart', async () => {
  const first = await startTestMaster(dfs);
  const { jobId } = await jobWithRunningReduces(first, new FakeWorker(first.worker, 'gone', dfs.datanodeIds[0]), 1);
  await first.stop();

  const second = await startTestMaster(dfs, { dir: first.dir });
  const status = await runJob(dfs.dfs, second.client, jobId, [new FakeWorker(second.worker, 'new', dfs.datanodeIds[1])]);
  expect(status).toMatchObject({ state: 'SUCCEEDED', counters: expect.objectContaining({ LAUNCHED_MAPS: 4, LAUNCHED_REDUCES: 2, FAILED_MAPS: 0 }) });
});

it('finishes commits a crash cut short, whether or not the rename had happened', async () => {
  const first = await startTestMaster(dfs);
  const w = new FakeWorker(first.worker, 'w', dfs.datanodeIds[0]);
  const { jobId, reduces } = await jobWithRunningReduces(first, w, 2);
  for (const reduce of reduces) await w.writeOutput(dfs.dfs, reduce);
  await first.stop();

  // As the master leaves it when it dies after recording the successes: both tasks COMMITTING,
  // reduce 0's part file already renamed into place, reduce 1's still under _temporary.
  const store = new JobStore(first.dir);
  const now = Date.now();
  for (const reduce of reduces) {
    const attempt = store.attempt(reduce.attemptId)!;
    store.updateAttempt({ ...attempt, state: 'SUCCEEDED', finishedAt: now, counters: { RECORDS: 1 } });
    const task = store.tasks(jobId).find((t) => t.id === attempt.taskId)!;
    store.updateTask({ ...task, state: 'COMMITTING', doneAttempt: attempt.id });
  }
  await store.close();
  await dfs.dfs.rename(`/out/_temporary/${reduces[0]!.attemptId}/part-r-00000`, '/out/part-r-00000');

  const second = await startTestMaster(dfs, { dir: first.dir });
  const status = await waitForState(second.client, jobId, 'SUCCEEDED');
  expect(status).toMatchObject({ reducesDone: 2, counters: expect.objectContaining({ RECORDS: 22 }) });
  expect((await dfs.dfs.list('/out')).map((f) => f.path).sort()).toEqual(['/out/_SUCCESS', '/out/part-r-00000', '/out/part-r-00001']);
  for (const [i, reduce] of reduces.entries()) {
    expect((await dfs.dfs.readFile(`/out/part-r-0000${i}`)).toString()).toBe(`${reduce.attemptId}\n`);
  }
});

it('starts on a state dir made before jobs had an output replication: the column is added, old jobs read with the default', async () => {
  const first = await startTestMaster(dfs);
  const jobId = await submit(first.client, { inputs: ['/in'], output: '/out', reducers: 1 });
  await first.stop();
  // The jobs table as it was before output_replication existed.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(`${first.dir}/master.db`);
  db.exec('ALTER TABLE jobs DROP COLUMN output_replication');
  db.close();

  const second = await startTestMaster(dfs, { dir: first.dir });
  expect((await second.client.GetJobStatus({ jobId })).spec).toMatchObject({ outputReplication: 0 });
  const next = await submit(second.client, { inputs: ['/in'], output: '/out2', reducers: 1, outputReplication: 2 });
  expect((await second.client.GetJobStatus({ jobId: next })).spec).toMatchObject({ outputReplication: 2 });
});

it('starts on a state dir made when attempts were stored by their text id: the attempts are moved, the job finishes', async () => {
  const first = await startTestMaster(dfs);
  const w = new FakeWorker(first.worker, 'w', dfs.datanodeIds[0]);
  const { jobId, reduces } = await jobWithRunningReduces(first, w, 1);
  const before = (await first.client.GetJobHistory({ jobId })).attempts;
  await first.stop();
  // The attempts table as it was before attempts had integer keys and a workers table.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(`${first.dir}/master.db`);
  db.exec(`
    CREATE TABLE old_attempts (
      id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES tasks(id), job_id TEXT NOT NULL REFERENCES jobs(id),
      kind TEXT NOT NULL, idx INTEGER NOT NULL, state TEXT NOT NULL, worker_id TEXT NOT NULL, worker_host TEXT NOT NULL,
      shuffle_address TEXT NOT NULL, queued_at INTEGER NOT NULL, started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL,
      data_local INTEGER NOT NULL, error TEXT NOT NULL, error_stack TEXT NOT NULL, counters TEXT NOT NULL,
      partition_bytes TEXT NOT NULL, committed INTEGER NOT NULL, speculative INTEGER NOT NULL, user_code INTEGER NOT NULL,
      failed_record INTEGER);
    INSERT INTO old_attempts
      SELECT 'attempt_' || substr(t.id, 6) || '_' || a.number, t.id, j.id, a.kind, a.idx, a.state, w.worker_id, w.host,
        w.shuffle_address, a.queued_at, a.started_at, a.finished_at, a.data_local, a.error, a.error_stack, a.counters,
        a.partition_bytes, a.committed, a.speculative, a.user_code, a.failed_record
      FROM attempts AS a JOIN jobs AS j ON j.seq = a.job_seq JOIN workers AS w ON w.n = a.worker
        JOIN tasks AS t ON (t.job_id, t.kind, t.idx) = (j.id, a.kind, a.idx);
    DROP TABLE attempts;
    DROP TABLE workers;
    ALTER TABLE old_attempts RENAME TO attempts;
    CREATE INDEX attempts_by_job ON attempts(job_id);`);
  db.close();

  const second = await startTestMaster(dfs, { dir: first.dir });
  expect((await second.client.GetJobHistory({ jobId })).attempts).toEqual(before);
  expect(await second.client.GetJobStatus({ jobId })).toMatchObject({ state: 'RUNNING', mapsDone: 2, reducesDone: 0 });
  // The reduce attempt is still running on its worker, which finishes it.
  const again = new FakeWorker(second.worker, 'w', dfs.datanodeIds[0], w.shuffleAddress);
  again.running.set(reduces[0]!.attemptId, reduces[0]!);
  await again.succeed(dfs.dfs, reduces[0]!);
  await again.heartbeat(0);
  expect(await waitForState(second.client, jobId, 'SUCCEEDED')).toMatchObject({ counters: expect.objectContaining({ RECORDS: 30, LAUNCHED_MAPS: 2 }) });
  expect(again.killed).toEqual([]);
});
