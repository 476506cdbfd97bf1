// Bad input: one clear message, a non-zero exit, and no change to the namespace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, NotFoundError, UnauthenticatedError, namenodeProto, unaryClient } from '../../packages/common/src';
import { readBlock } from '../../packages/dfs/src/transfer/block-reader';
import type { DatanodeInfo__Output } from '../../packages/common/src';
import { TestCluster, daemonsUnder, runCli, waitFor, type CliResult } from '../harness/cluster';

jest.setTimeout(120_000);

let cluster: TestCluster;
let work: string;
let snapshotBefore: string;

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 4, blockSize: '1MB', replication: 3 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bad-'));
  fs.writeFileSync(path.join(work, 'data'), 'original\n');
  fs.writeFileSync(path.join(work, 'other'), 'replacement\n');
  for (const args of [
    ['dfs', 'mkdir', '-p', '/dir/sub'],
    ['dfs', 'put', path.join(work, 'data'), '/dir/file'],
  ]) {
    expect((await cluster.tsmr(args)).code).toBe(0);
  }
});

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

async function namespace(): Promise<string> {
  const ls = await cluster.tsmr(['dfs', 'ls', '-R', '--json', '/']);
  return JSON.stringify(JSON.parse(ls.stdout.toString()).map((e: { path: string; length: number }) => [e.path, e.length]));
}

beforeEach(async () => {
  snapshotBefore = await namespace();
});

/** The command failed with exactly one line on stderr matching `message`, and changed nothing. */
async function expectRefused(result: CliResult, message: RegExp): Promise<void> {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(await namespace()).toBe(snapshotBefore);
}

test('a path with .. is refused', async () => {
  await expectRefused(await cluster.tsmr(['dfs', 'mkdir', '-p', '/dir/../escape']), /INVALID_ARGUMENT: path '\/dir\/\.\.\/escape' contains '\.\.'/);
});

test('a path with NUL is refused by the client and by the namenode itself', async () => {
  const client = cluster.client();
  await expect(client.mkdirs('/dir/a\0b')).rejects.toThrow(/NUL/);
  // Straight to the namenode, past the client's own check.
  const info = cluster.info;
  const raw = unaryClient(namenodeProto().ClientProtocol, info.namenode.address, { secret: info.secret });
  try {
    await expect(raw.api.Mkdirs({ path: '/dir/a\0b', createParent: true })).rejects.toBeInstanceOf(InvalidArgumentError);
  } finally {
    raw.close();
  }
  expect(await namespace()).toBe(snapshotBefore);
});

test('put onto an existing file without -f is refused and the file keeps its bytes', async () => {
  await expectRefused(await cluster.tsmr(['dfs', 'put', path.join(work, 'other'), '/dir/file']), /ALREADY_EXISTS: .*\/dir\/file/);
  expect((await cluster.tsmr(['dfs', 'cat', '/dir/file'])).stdout.toString()).toBe('original\n');
});

test('get and cat of a missing file are refused, and get leaves no local file', async () => {
  const target = path.join(work, 'nothing-here');
  await expectRefused(await cluster.tsmr(['dfs', 'get', '/dir/missing', target]), /NOT_FOUND: .*\/dir\/missing/);
  expect(fs.readdirSync(work).filter((f) => f.startsWith('nothing-here'))).toEqual([]);
  await expectRefused(await cluster.tsmr(['dfs', 'cat', '/dir/missing']), /NOT_FOUND: .*\/dir\/missing/);
});

test('rm of a non-empty directory without -r is refused', async () => {
  await expectRefused(await cluster.tsmr(['dfs', 'rm', '/dir']), /FAILED_PRECONDITION: .*\/dir/);
});

test('mkdir under a file is refused', async () => {
  await expectRefused(await cluster.tsmr(['dfs', 'mkdir', '-p', '/dir/file/below']), /\/dir\/file.* is a file|is not a directory/);
});

test('block size 0, or not a multiple of the checksum chunk, is refused', async () => {
  await expectRefused(await cluster.tsmr(['dfs', 'put', '-b', '0', path.join(work, 'other'), '/dir/b0']), /block size/i);
  await expectRefused(await cluster.tsmr(['dfs', 'put', '-b', '100000', path.join(work, 'other'), '/dir/b1']), /block size.*multiple/i);
});

test('replication 0, or above the live datanodes, is refused', async () => {
  await expectRefused(await cluster.tsmr(['dfs', 'put', '-r', '0', path.join(work, 'other'), '/dir/r0']), /replication/);
  await expectRefused(await cluster.tsmr(['dfs', 'put', '-r', '5', path.join(work, 'other'), '/dir/r5']), /replication 5 exceeds the 4 live datanodes/);
  await expectRefused(await cluster.tsmr(['dfs', 'setrep', '0', '/dir/file']), /INVALID_ARGUMENT: .*replication/);
  await expectRefused(await cluster.tsmr(['dfs', 'setrep', '9', '/dir/file']), /replication 9 exceeds the 4 live datanodes/);
});

/** A live datanode as the namenode lists it, with its block stream's address. */
async function someDatanode(): Promise<DatanodeInfo__Output> {
  const info = cluster.info;
  const namenode = unaryClient(namenodeProto().ClientProtocol, info.namenode.address, { secret: info.secret });
  try {
    return (await namenode.api.GetClusterReport({})).datanodes.find((d) => d.live)!.datanode!;
  } finally {
    namenode.close();
  }
}

test('a forged block id at a datanode is refused without touching its disk', async () => {
  const info = cluster.info;
  const datanode = await someDatanode();
  const read = async (blockId: string) => {
    for await (const chunk of readBlock({ ...datanode, blockId, offset: 0, length: 0, secret: info.secret })) void chunk;
  };
  await expect(read('../../../etc/passwd')).rejects.toBeInstanceOf(InvalidArgumentError);
  await expect(read('blk_1/../../datanode-id')).rejects.toBeInstanceOf(InvalidArgumentError);
  await expect(read('blk_999999999')).rejects.toBeInstanceOf(NotFoundError);
});

test('an RPC without the cluster secret is refused', async () => {
  const info = cluster.info;
  expect(info.secret).toBeTruthy();
  const result = await runCli(['dfs', 'ls', '/', '--namenode', info.namenode.address], { env: { TSMR_SECRET: '' } });
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim()).toMatch(/^tsmr: UNAUTHENTICATED: /);
  const wrong = await runCli(['dfs', 'ls', '/', '--namenode', info.namenode.address], { env: { TSMR_SECRET: 'wrong' } });
  expect(wrong.stderr.trim()).toMatch(/^tsmr: UNAUTHENTICATED: /);
  // A datanode refuses too.
  const datanode = await someDatanode();
  const blockRead = async () => {
    for await (const chunk of readBlock({ ...datanode, blockId: 'blk_1', offset: 0, length: 0 })) void chunk;
  };
  await expect(blockRead()).rejects.toBeInstanceOf(UnauthenticatedError);
});

test('an unreachable namenode gives an error within seconds, not a hang', async () => {
  const startedAt = Date.now();
  const result = await runCli(['dfs', 'ls', '/', '--namenode', '127.0.0.1:1']);
  expect(Date.now() - startedAt).toBeLessThan(15_000);
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim()).toMatch(/^tsmr: UNAVAILABLE: cannot reach 127\.0\.0\.1:1/);
  // A namenode that went away (a cluster file whose namenode port is closed) too.
  const gone = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-gone-'));
  try {
    const info = cluster.info;
    fs.writeFileSync(path.join(gone, 'cluster.json'), JSON.stringify({ ...info, namenode: { ...info.namenode, address: '127.0.0.1:1' } }));
    const put = path.join(work, 'other');
    const began = Date.now();
    const result2 = await runCli(['dfs', 'put', put, '/dir/unreachable', '--cluster', gone], { env: { TSMR_CLUSTER: '' } });
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(result2.code).not.toBe(0);
    expect(result2.stderr.trim()).toMatch(/^tsmr: UNAVAILABLE: cannot reach 127\.0\.0\.1:1/);
  } finally {
    fs.rmSync(gone, { recursive: true, force: true });
  }
});

describe('finding the cluster', () => {
  let elsewhere: string;

  beforeAll(() => {
    // An empty working directory, and a copy of the cluster file in one's ./.tsmr.
    elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-cwd-'));
    fs.mkdirSync(path.join(elsewhere, 'with-dot-tsmr', '.tsmr'), { recursive: true });
    fs.mkdirSync(path.join(elsewhere, 'empty'));
    fs.copyFileSync(path.join(cluster.dir, 'cluster.json'), path.join(elsewhere, 'with-dot-tsmr', '.tsmr', 'cluster.json'));
  });

  afterAll(() => {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  /** `tsmr dfs cat /dir/file` run in `cwd` with no TSMR_CLUSTER nor TSMR_SECRET set. */
  const catFile = (cwd: string, extra: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(['dfs', 'cat', '/dir/file', ...extra], { cwd: path.join(elsewhere, cwd), env: { TSMR_CLUSTER: '', TSMR_SECRET: '', ...env } });

  test('--cluster DIR names the cluster directory (its secret too), and wins over $TSMR_CLUSTER', async () => {
    const flag = await catFile('empty', ['--cluster', cluster.dir]);
    expect([flag.code, flag.stderr, flag.stdout.toString()]).toEqual([0, '', 'original\n']);
    const overEnv = await catFile('empty', ['--cluster', cluster.dir], { TSMR_CLUSTER: path.join(elsewhere, 'empty') });
    expect([overEnv.code, overEnv.stderr, overEnv.stdout.toString()]).toEqual([0, '', 'original\n']);
    const jobs = await runCli(['job', 'list', '--json', '--cluster', cluster.dir], { cwd: path.join(elsewhere, 'empty'), env: { TSMR_CLUSTER: '', TSMR_SECRET: '' } });
    expect([jobs.code, jobs.stderr]).toEqual([0, '']);
    expect(JSON.parse(jobs.stdout.toString())).toEqual(expect.any(Array));
  });

  test('with neither --cluster nor $TSMR_CLUSTER, ./.tsmr/cluster.json in the working directory is used', async () => {
    const found = await catFile('with-dot-tsmr', []);
    expect([found.code, found.stderr, found.stdout.toString()]).toEqual([0, '', 'original\n']);
    const jobs = await runCli(['job', 'list', '--json'], { cwd: path.join(elsewhere, 'with-dot-tsmr'), env: { TSMR_CLUSTER: '', TSMR_SECRET: '' } });
    expect([jobs.code, jobs.stderr]).toEqual([0, '']);
    // $TSMR_CLUSTER wins over ./.tsmr: an empty dir named there has no cluster file.
    const env = await catFile('with-dot-tsmr', [], { TSMR_CLUSTER: path.join(elsewhere, 'empty') });
    expect(env.code).not.toBe(0);
    expect(env.stderr.trim()).toBe(`tsmr: NOT_FOUND: no cluster file at ${path.join(elsewhere, 'empty', 'cluster.json')} (start one with 'tsmr local start')`);
  });
});

test('a client command with no cluster to talk to says so', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-nocluster-'));
  try {
    const result = await runCli(['dfs', 'ls', '/'], { cwd: empty, env: { TSMR_CLUSTER: '' } });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toMatch(/no cluster file at .*cluster\.json/);
  } finally {
    fs.rmSync(empty, { recursive: true });
  }
});

test('a local start that fails half-way says why, exits non-zero, and leaves no daemon running', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-halfstart-'));
  try {
    // datanode-1 cannot start (its id file is not a UUID); the namenode before it can.
    fs.mkdirSync(path.join(dir, 'datanode-1'));
    fs.writeFileSync(path.join(dir, 'datanode-1', 'datanode-id'), 'not-a-uuid\n');
    const result = await runCli(['local', 'start', '--dir', dir, '--nodes', '2', '--heartbeat-interval', '200ms', '--dead-node-timeout', '2s']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/datanode exited with code 1 during startup/);
    expect(result.stderr).toMatch(/datanode-id does not hold a datanode id/);
    // Nothing it started is left behind (with no cluster.json, `local stop` could not end it).
    const left = await waitFor('no daemon of the failed start to run', async () => daemonsUnder(dir).length === 0 || undefined, 5000, 100)
      .then(() => [], () => daemonsUnder(dir).map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[2]));
    expect(left).toEqual([]);
  } finally {
    for (const pid of daemonsUnder(dir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
