// Split planning, data-local assignment with delay scheduling, slots, and two jobs at once.
import { listInputFiles, planSplits } from '../src/split-planner';
import { FakeWorker, runJob, sleep, startMiniDfs, startTestMaster, stopAll, submit, writeInput, type MiniDfs } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let dfs: MiniDfs;

beforeEach(async () => {
  dfs = await startMiniDfs(3);
});

describe('split planning', () => {
  it('makes one split per block with the datanodes holding it, skipping hidden and empty files', async () => {
    await writeInput(dfs.dfs, '/in/b.txt', 9000, 2); // blocks of 4096, 4096, 808
    await writeInput(dfs.dfs, '/in/a.txt', 10);
    await writeInput(dfs.dfs, '/in/sub/c.txt', 5);
    await writeInput(dfs.dfs, '/in/empty.txt', 0);
    await writeInput(dfs.dfs, '/in/_logs/x.txt', 5);
    await writeInput(dfs.dfs, '/in/.hidden', 5);
    await writeInput(dfs.dfs, '/other/_d.txt', 7);
    const files = await listInputFiles(dfs.dfs, ['/in', '/other/_d.txt', '/in/a.txt']);
    expect(files.map((f) => f.path)).toEqual(['/in/a.txt', '/in/b.txt', '/in/empty.txt', '/in/sub/c.txt', '/other/_d.txt']);

    const splits = await planSplits(dfs.dfs, files);
    const blocks = (await dfs.dfs.getBlockLocations('/in/b.txt')).blocks;
    expect(splits.map(({ path, offset, length, fileLength }) => [path, offset, length, fileLength])).toEqual([
      ['/in/a.txt', 0, 10, 10],
      ['/in/b.txt', 0, 4096, 9000],
      ['/in/b.txt', 4096, 4096, 9000],
      ['/in/b.txt', 8192, 808, 9000],
      ['/in/sub/c.txt', 0, 5, 5],
      ['/other/_d.txt', 0, 7, 7],
    ]);
    for (const [i, block] of blocks.entries()) {
      expect(splits[i + 1]!.hosts).toHaveLength(2);
      expect(splits[i + 1]!.hosts.sort()).toEqual(block.locations.map((l) => l.datanodeId).sort());
    }
    for (const split of splits) for (const host of split.hosts) expect(dfs.datanodeIds).toContain(host);
  });
});

describe('scheduling', () => {
  it('gives a worker its node-local splits first, and others only after the locality delay', async () => {
    const [dn0, dn1, dn2] = dfs.datanodeIds as [string, string, string];
    await writeInput(dfs.clientOn(dn0), '/in/local0.txt', 8000); // 2 blocks on dn0
    await writeInput(dfs.clientOn(dn1), '/in/local1.txt', 100); // 1 block on dn1
    const m = await startTestMaster(dfs, { localityDelay: '600ms' });
    const jobId = await submit(m.client, { inputs: ['/in'], output: '/out' });

    const w1 = new FakeWorker(m.worker, 'w1', dn1);
    const local1 = await w1.heartbeat(4);
    expect(local1.map((a) => a.split!.path)).toEqual(['/in/local1.txt']);
    // dn2 holds none of the splits: it waits, although maps are queued and it has room.
    const w2 = new FakeWorker(m.worker, 'w2', dn2);
    expect(await w2.heartbeat(4)).toEqual([]);
    const waitedFrom = Date.now();
    const w0 = new FakeWorker(m.worker, 'w0', dn0);
    const [first] = await w0.heartbeat(1);
    expect(first!.split).toMatchObject({ path: '/in/local0.txt', offset: 0, hosts: [dn0] });
    // A local assignment restarts the job's wait.
    await sleep(300);
    expect(await w2.heartbeat(4)).toEqual([]);
    const [late] = await w2.take(4);
    expect(Date.now() - waitedFrom).toBeGreaterThanOrEqual(600);
    expect(late!.split).toMatchObject({ path: '/in/local0.txt', offset: 4096 });

    await w0.succeed(dfs.dfs, first!);
    await w1.succeed(dfs.dfs, local1[0]!);
    await w2.succeed(dfs.dfs, late!);
    for (const w of [w0, w1, w2]) await w.heartbeat(0);
    const history = await m.client.GetJobHistory({ jobId });
    expect(history.attempts.map((a) => [a.workerId, a.dataLocal])).toEqual([
      ['w1', true],
      ['w0', true],
      ['w2', false],
    ]);
    expect((await m.client.GetJobStatus({ jobId })).counters).toMatchObject({ DATA_LOCAL_MAPS: 2, LAUNCHED_MAPS: 3 });
  });

  it('assigns at most free_slots attempts per heartbeat, and none with no free slot', async () => {
    await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 5 * 4096);
    const m = await startTestMaster(dfs);
    await submit(m.client, { inputs: ['/in'], output: '/out' });
    const w = new FakeWorker(m.worker, 'w', dfs.datanodeIds[0]);
    expect(await w.heartbeat(0)).toEqual([]);
    expect(await w.heartbeat(2)).toHaveLength(2);
    expect(await w.heartbeat(2)).toHaveLength(2);
    expect(await w.heartbeat(2)).toHaveLength(1);
    expect(await w.heartbeat(2)).toHaveLength(0);
  });

  it('serves jobs in submission order and runs two jobs to the end at once', async () => {
    await writeInput(dfs.clientOn(dfs.datanodeIds[0]!), '/in/a.txt', 2 * 4096);
    const m = await startTestMaster(dfs);
    const first = await submit(m.client, { inputs: ['/in'], output: '/out1', reducers: 1 });
    const second = await submit(m.client, { inputs: ['/in'], output: '/out2', reducers: 2 });
    const w0 = new FakeWorker(m.worker, 'w0', dfs.datanodeIds[0]);
    const w1 = new FakeWorker(m.worker, 'w1', dfs.datanodeIds[1]);
    const firstAssigned = await w0.heartbeat(3);
    expect(firstAssigned.map((a) => a.jobId)).toEqual([first, first, second]);
    for (const assignment of firstAssigned) await w0.succeed(dfs.dfs, assignment);
    await Promise.all([runJob(dfs.dfs, m.client, first, [w0, w1]), runJob(dfs.dfs, m.client, second, [w0, w1])]);
    for (const [jobId, output, parts] of [[first, '/out1', 1], [second, '/out2', 2]] as const) {
      expect(await m.client.GetJobStatus({ jobId })).toMatchObject({ state: 'SUCCEEDED', mapsDone: 2, reducesDone: parts });
      expect((await dfs.dfs.list(output)).map((f) => f.path)).toHaveLength(parts + 1);
      // Exactly one attempt per task in a run without failures.
      expect((await m.client.GetJobHistory({ jobId })).attempts).toHaveLength(2 + parts);
    }
  });
});
