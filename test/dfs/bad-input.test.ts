// Bad input: one clear message, a non-zero exit, and no change to the namespace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, NotFoundError, UnauthenticatedError, namenodeProto, unaryClient } from '../../packages/common/src';
import { readBlock } from '../../packages/dfs/src/transfer/block-reader';
import { TestCluster, runCli, type CliResult } from '../harness/cluster';

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

test('a forged block id at a datanode is refused without touching its disk', async () => {
  const info = cluster.info;
  const datanode = info.datanodes[0]!;
  const read = async (blockId: string) => {
    for await (const chunk of readBlock({ address: datanode.address, blockId, offset: 0, length: 0, secret: info.secret })) void chunk;
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
  const blockRead = async () => {
    for await (const chunk of readBlock({ address: info.datanodes[0]!.address, blockId: 'blk_1', offset: 0, length: 0 })) void chunk;
  };
  await expect(blockRead()).rejects.toBeInstanceOf(UnauthenticatedError);
});

test('an unreachable namenode gives an error, not a hang', async () => {
  const result = await runCli(['dfs', 'ls', '/', '--namenode', '127.0.0.1:1']);
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim()).toMatch(/^tsmr: UNAVAILABLE: cannot reach 127\.0\.0\.1:1/);
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
