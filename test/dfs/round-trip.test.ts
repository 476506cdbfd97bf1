// put/get through the CLI against a real 4-datanode cluster: bytes come back identical,
// blocks are replicated on distinct datanodes, and many clients at once stay intact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestCluster, randomBytes, sha256 } from '../harness/cluster';

const MB = 1024 * 1024;
jest.setTimeout(180_000);

let cluster: TestCluster;
let work: string;

beforeAll(async () => {
  cluster = await TestCluster.start({ nodes: 4, blockSize: '1MB', replication: 3 });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-rt-'));
});

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

async function putAndGet(name: string, data: Buffer, extra: string[] = []): Promise<Buffer> {
  const local = path.join(work, name);
  fs.writeFileSync(local, data);
  const put = await cluster.tsmr(['dfs', 'put', ...extra, local, `/rt/${name}`]);
  expect(put.stderr).toBe('');
  expect(put.code).toBe(0);
  const back = path.join(work, `${name}.back`);
  const get = await cluster.tsmr(['dfs', 'get', `/rt/${name}`, back]);
  expect(get.stderr).toBe('');
  expect(get.code).toBe(0);
  return fs.readFileSync(back);
}

test.each([
  ['empty', 0],
  ['one-byte', 1],
  ['exactly-one-block', MB],
  ['one-block-plus-one', MB + 1],
  ['many-blocks', 5 * MB + 12345],
])('put/get round trip: %s (%d bytes)', async (name, size) => {
  const data = randomBytes(size, size + 7);
  const back = await putAndGet(name, data);
  expect(back.length).toBe(size);
  expect(sha256(back)).toBe(sha256(data));
  const stat = JSON.parse((await cluster.tsmr(['dfs', 'stat', '--json', `/rt/${name}`])).stdout.toString());
  expect(stat.length).toBe(size);
  expect(stat.blockCount).toBe(Math.ceil(size / MB));
});

test('binary data with every byte value survives cat', async () => {
  const data = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(3 * MB, 99)]);
  fs.writeFileSync(path.join(work, 'binary'), data);
  expect((await cluster.tsmr(['dfs', 'put', path.join(work, 'binary'), '/rt/binary'])).code).toBe(0);
  const cat = await cluster.tsmr(['dfs', 'cat', '/rt/binary']);
  expect(cat.code).toBe(0);
  expect(sha256(cat.stdout)).toBe(sha256(data));
});

test('a 200 MB file with the default 64 MB block size round-trips', async () => {
  const data = randomBytes(200 * MB, 2026);
  const back = await putAndGet('big', data, ['-b', '64MB']);
  expect(sha256(back)).toBe(sha256(data));
  const fsck = JSON.parse((await cluster.tsmr(['dfs', 'fsck', '--json', '/rt/big'])).stdout.toString());
  expect(fsck.files[0].blocks.map((b: { length: number }) => b.length)).toEqual([64 * MB, 64 * MB, 64 * MB, 8 * MB]);
  expect((await cluster.tsmr(['dfs', 'rm', '/rt/big'])).code).toBe(0);
});

test('fsck shows every block with 3 live replicas on 3 distinct datanodes', async () => {
  const data = randomBytes(4 * MB + 5, 5);
  fs.writeFileSync(path.join(work, 'fsck'), data);
  expect((await cluster.tsmr(['dfs', 'put', path.join(work, 'fsck'), '/rt/fsck'])).code).toBe(0);
  const result = await cluster.tsmr(['dfs', 'fsck', '--json', '/rt/fsck']);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout.toString());
  expect(report.files).toHaveLength(1);
  const blocks = report.files[0].blocks;
  expect(blocks).toHaveLength(5);
  for (const block of blocks) {
    expect(block.health).toBe('HEALTHY');
    const live = block.replicas.filter((r: { state: string }) => r.state === 'LIVE');
    expect(live).toHaveLength(3);
    expect(new Set(live.map((r: { datanode: { datanodeId: string } }) => r.datanode.datanodeId)).size).toBe(3);
  }
  const text = await cluster.tsmr(['dfs', 'fsck', '/rt/fsck']);
  expect(text.stdout.toString()).toContain('Status: HEALTHY');
  expect(text.stdout.toString()).toMatch(/blk_\d+ len=1048576 live=3\/3 HEALTHY/);
});

test('8 concurrent puts and 8 concurrent gets are all intact', async () => {
  const files = Array.from({ length: 8 }, (_, i) => ({ name: `c${i}`, data: randomBytes(2 * MB + i * 1000, 100 + i) }));
  for (const f of files) fs.writeFileSync(path.join(work, f.name), f.data);
  const puts = await Promise.all(files.map((f) => cluster.tsmr(['dfs', 'put', path.join(work, f.name), `/conc/${f.name}`])));
  expect(puts.map((p) => p.code)).toEqual(files.map(() => 0));
  const gets = await Promise.all(files.map((f) => cluster.tsmr(['dfs', 'cat', `/conc/${f.name}`])));
  gets.forEach((g, i) => {
    expect(g.code).toBe(0);
    expect(sha256(g.stdout)).toBe(sha256(files[i]!.data));
  });
});

test('ls, mkdir, mv, du and rm behave like hdfs dfs', async () => {
  expect((await cluster.tsmr(['dfs', 'mkdir', '-p', '/ops/a/b'])).code).toBe(0);
  fs.writeFileSync(path.join(work, 'small'), 'hello\n');
  expect((await cluster.tsmr(['dfs', 'put', path.join(work, 'small'), '/ops/a/b'])).code).toBe(0);
  const ls = JSON.parse((await cluster.tsmr(['dfs', 'ls', '-R', '--json', '/ops'])).stdout.toString());
  expect(ls.map((e: { path: string }) => e.path)).toEqual(['/ops/a', '/ops/a/b', '/ops/a/b/small']);
  expect((await cluster.tsmr(['dfs', 'mv', '/ops/a/b/small', '/ops/renamed'])).code).toBe(0);
  expect((await cluster.tsmr(['dfs', 'cat', '/ops/renamed'])).stdout.toString()).toBe('hello\n');
  const du = JSON.parse((await cluster.tsmr(['dfs', 'du', '-s', '--json', '/ops'])).stdout.toString());
  expect(du[0]).toMatchObject({ path: '/ops', length: 6, spaceConsumed: 18, fileCount: 1 });
  expect((await cluster.tsmr(['dfs', 'rm', '-r', '/ops'])).code).toBe(0);
  expect((await cluster.tsmr(['dfs', 'ls', '/ops'])).code).not.toBe(0);
});
