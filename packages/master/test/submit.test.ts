// Options, submission checks (each refused with the field named, leaving nothing behind),
// the cluster secret, bundles, listing and unknown jobs.
import { AlreadyExistsError, InvalidArgumentError, NotFoundError, UnauthenticatedError, masterProto, silentLogger, unaryClient } from '@tsmr/common';
import { masterOptionsSchema, startMaster } from '../src';
import { parseSubmission } from '../src/job-spec';
import { BUNDLE, startMiniDfs, startTestMaster, stopAll, submit, tempDir, writeInput, type MiniDfs, type TestMaster } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

describe('options', () => {
  it('applies defaults and parses units; the locality delay follows the heartbeat interval', () => {
    expect(masterOptionsSchema.parse({ dir: '/tmp/m', namenode: 'localhost:9000', heartbeatInterval: '250ms' })).toEqual({
      dir: '/tmp/m',
      namenode: 'localhost:9000',
      host: '127.0.0.1',
      port: 0,
      heartbeatPort: 0,
      secret: undefined,
      heartbeatIntervalMs: 250,
      workerTimeoutMs: 10_000,
      localityDelayMs: 750,
      maxAttempts: 4,
      maxTaskFailuresPerWorker: 3,
      speculation: { slowness: 1.5, minRuntimeMs: 1000 },
    });
    expect(masterOptionsSchema.parse({ dir: '/m', namenode: 'h:1', localityDelay: '0' }).localityDelayMs).toBe(0);
  });

  it('refuses bad options, naming them', async () => {
    const start = (options: object) => startMaster({ dir: tempDir(), namenode: 'localhost:1', ...options }, silentLogger());
    await expect(start({ workerTimeout: 'soon' })).rejects.toThrow(InvalidArgumentError);
    await expect(start({ workerTimeout: 'soon' })).rejects.toThrow(/workerTimeout: /);
    await expect(start({ maxAttempts: 0 })).rejects.toThrow(/maxAttempts/);
    await expect(start({ speculativeSlowness: 0.5 })).rejects.toThrow(/speculativeSlowness must be ≥ 1/);
    await expect(start({ maxTaskFailuresPerWorker: 0 })).rejects.toThrow(/maxTaskFailuresPerWorker/);
    await expect(start({ namenode: 'nowhere' })).rejects.toThrow(/namenode must be host:port/);
  });
});

describe('parseSubmission', () => {
  const request = {
    spec: { name: 'j', inputs: ['in/'], output: 'out', reducers: 2, params: { k: 'v' }, maxAttempts: 0, noSpeculation: false, skipBadRecords: 0, outputReplication: 0 },
    bundle: Buffer.from('x'),
    submitter: 'me',
  };

  it('normalizes paths and applies the default attempt limit', () => {
    expect(parseSubmission(request, 4)).toEqual({
      name: 'j',
      submitter: 'me',
      inputs: ['/in'],
      output: '/out',
      reducers: 2,
      params: { k: 'v' },
      maxAttempts: 4,
      speculative: true,
      skipBadRecords: 0,
      outputReplication: 0,
      bundle: Buffer.from('x'),
    });
  });

  it('turns speculation off and skip mode on as the spec says', () => {
    expect(parseSubmission({ ...request, spec: { ...request.spec, noSpeculation: true, skipBadRecords: 2 } }, 4)).toMatchObject({
      speculative: false,
      skipBadRecords: 2,
    });
    expect(() => parseSubmission({ ...request, spec: { ...request.spec, skipBadRecords: -1 } }, 4)).toThrow('spec.skip_bad_records: must be ≥ 0');
    expect(() => parseSubmission({ ...request, spec: { ...request.spec, outputReplication: -1 } }, 4)).toThrow('spec.output_replication: must be ≥ 0');
  });

  it('refuses a reducer count that is not an integer (the wire cannot say 1.5, a caller in-process can)', () => {
    expect(() => parseSubmission({ ...request, spec: { ...request.spec, reducers: 1.5 } }, 4)).toThrow('spec.reducers: must be an integer');
    expect(() => parseSubmission({ ...request, bundle: Buffer.alloc(33 * 2 ** 20) }, 4)).toThrow('bundle: larger than 32 MiB');
  });
});

describe('SubmitJob', () => {
  let dfs: MiniDfs;
  let m: TestMaster;

  beforeEach(async () => {
    dfs = await startMiniDfs(1);
    m = await startTestMaster(dfs);
    await writeInput(dfs.dfs, '/in/a.txt', 100);
  });

  const spec = { name: 'j', inputs: ['/in'], output: '/out', reducers: 1, params: {}, maxAttempts: 0 };

  async function expectRefused(request: object, error: new (message: string) => Error, message: RegExp | string): Promise<void> {
    const submitting = m.client.SubmitJob({ spec, bundle: BUNDLE, submitter: 't', ...request });
    await expect(submitting).rejects.toThrow(error);
    await expect(m.client.SubmitJob({ spec, bundle: BUNDLE, submitter: 't', ...request })).rejects.toThrow(message);
  }

  it('refuses bad submissions, naming the field, and leaves nothing behind', async () => {
    await expectRefused({ bundle: Buffer.alloc(0) }, InvalidArgumentError, /^bundle: empty/);
    await expectRefused({ spec: undefined }, InvalidArgumentError, 'spec: missing');
    await expectRefused({ spec: { ...spec, inputs: [] } }, InvalidArgumentError, /^spec\.inputs: give at least one/);
    await expectRefused({ spec: { ...spec, inputs: ['/in', '/nope'] } }, NotFoundError, 'input path /nope does not exist');
    await expectRefused({ spec: { ...spec, inputs: ['/in', 'a/../b'] } }, InvalidArgumentError, /^spec\.inputs\[1\]: .*'\.\.'/);
    await expectRefused({ spec: { ...spec, output: '' } }, InvalidArgumentError, /^spec\.output: give an output directory/);
    await expectRefused({ spec: { ...spec, output: '/in/out' } }, InvalidArgumentError, 'spec.output: /in/out lies inside the input /in');
    await expectRefused({ spec: { ...spec, reducers: -1 } }, InvalidArgumentError, 'spec.reducers: must be ≥ 0');
    await expectRefused({ spec: { ...spec, reducers: 10_001 } }, InvalidArgumentError, 'spec.reducers: must be ≤ 10000');
    await expectRefused({ spec: { ...spec, maxAttempts: -2 } }, InvalidArgumentError, 'spec.max_attempts: must be ≥ 0');
    expect(await dfs.dfs.exists('/out')).toBe(false);
    expect(await dfs.dfs.exists('/in/out')).toBe(false);
    expect((await m.client.ListJobs({ limit: 0 })).jobs).toEqual([]);
  });

  it('refuses an output dir that exists, as Hadoop does, and keeps it', async () => {
    await dfs.dfs.mkdirs('/out');
    await expectRefused({}, AlreadyExistsError, 'output directory /out already exists');
    expect(await dfs.dfs.list('/out')).toEqual([]);
  });

  it('refuses a second job writing to the same output', async () => {
    await submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 });
    await expect(submit(m.client, { inputs: ['/in'], output: '/out', reducers: 1 })).rejects.toThrow('output directory /out already exists');
    expect((await m.client.ListJobs({ limit: 0 })).jobs).toHaveLength(1);
  });

  it('accepts a job: PENDING, its spec, ids in sequence, the bundle for workers, listed most recent first', async () => {
    const first = await submit(m.client, { inputs: ['/in'], output: '/out1', reducers: 3, name: 'first' });
    const second = await submit(m.client, { inputs: ['/in/a.txt'], output: '/out2', name: 'second' });
    expect(first).toMatch(/^job_\d{14}_0001$/);
    expect(second).toBe(first.replace(/0001$/, '0002'));
    const status = await m.client.GetJobStatus({ jobId: first });
    expect(status).toMatchObject({
      jobId: first,
      name: 'first',
      state: 'PENDING',
      spec: { name: 'first', inputs: ['/in'], output: '/out1', reducers: 3, maxAttempts: 4 },
      mapsTotal: 1,
      mapsDone: 0,
      reducesTotal: 3,
      reducesDone: 0,
      startedAt: 0,
      finishedAt: 0,
      submitter: 'tester',
      error: null,
    });
    expect(status.submittedAt).toBeGreaterThan(0);
    expect((await m.client.ListJobs({ limit: 0 })).jobs.map((j) => j.jobId)).toEqual([second, first]);
    expect((await m.client.ListJobs({ limit: 1 })).jobs.map((j) => j.jobId)).toEqual([second]);
    expect((await m.worker.GetJobBundle({ jobId: first })).code).toEqual(BUNDLE);
  });

  it('answers NOT_FOUND for an unknown job and INVALID_ARGUMENT for a malformed id', async () => {
    const unknown = 'job_20200101000000_0042';
    await expect(m.client.GetJobStatus({ jobId: unknown })).rejects.toThrow(NotFoundError);
    await expect(m.client.KillJob({ jobId: unknown })).rejects.toThrow(`job ${unknown} does not exist`);
    await expect(m.client.GetJobHistory({ jobId: unknown })).rejects.toThrow(NotFoundError);
    await expect(m.worker.GetJobBundle({ jobId: unknown })).rejects.toThrow(NotFoundError);
    await expect(m.client.GetJobStatus({ jobId: '../etc' })).rejects.toThrow(InvalidArgumentError);
  });

  it('refuses a malformed heartbeat whole', async () => {
    await expect(m.worker.Heartbeat({ workerId: '' })).rejects.toThrow('worker_id is empty');
    await expect(m.worker.Heartbeat({ workerId: 'w', reports: [{ attemptId: 'bad', state: 'RUNNING' }] })).rejects.toThrow(InvalidArgumentError);
  });
});

describe('cluster secret', () => {
  it('refuses calls without it', async () => {
    const dfs = await startMiniDfs(1);
    const m = await startTestMaster(dfs, { secret: 's3cret' });
    expect((await m.client.ListJobs({})).jobs).toEqual([]);
    const client = unaryClient(masterProto().JobClient, m.master.address);
    const worker = unaryClient(masterProto().WorkerProtocol, m.master.address, { secret: 'wrong' });
    try {
      await expect(client.api.ListJobs({})).rejects.toThrow(UnauthenticatedError);
      await expect(worker.api.Heartbeat({ workerId: 'w' })).rejects.toThrow(UnauthenticatedError);
    } finally {
      client.close();
      worker.close();
    }
  });
});
