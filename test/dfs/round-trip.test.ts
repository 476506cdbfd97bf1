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

interface FsckBlocksJson {
  files: Array<{ replication: number; blocks: Array<{ expectedReplicas: number; liveReplicas: number; health: string; replicas: Array<{ state: string }> }> }>;
}

async function fsckJson(p: string): Promise<FsckBlocksJson> {
  const result = await cluster.tsmr(['dfs', 'fsck', '--json', p]);
  expect([result.code, result.stderr]).toEqual([0, '']);
  return JSON.parse(result.stdout.toString());
}

/** Each block as [expected, live, health, replicas listed]. */
const blockShapes = (report: FsckBlocksJson) =>
  report.files.flatMap((f) => f.blocks.map((b) => [b.expectedReplicas, b.liveReplicas, b.health, b.replicas.length]));

test('setrep changes the replication fsck shows: -w returns once every block has it, without -w it follows', async () => {
  const data = randomBytes(3 * MB + 17, 41);
  fs.writeFileSync(path.join(work, 'setrep'), data);
  expect((await cluster.tsmr(['dfs', 'put', path.join(work, 'setrep'), '/rep/a'])).code).toBe(0);
  expect((await cluster.tsmr(['dfs', 'put', path.join(work, 'setrep'), '/rep/sub/b'])).code).toBe(0);
  expect(blockShapes(await fsckJson('/rep'))).toEqual(Array(8).fill([3, 3, 'HEALTHY', 3]));

  // Up to 4 on one file, waiting: when setrep -w returns, every block has 4 live replicas.
  const up = await cluster.tsmr(['dfs', 'setrep', '-w', '4', '/rep/a']);
  expect([up.code, up.stderr]).toEqual([0, '']);
  expect(blockShapes(await fsckJson('/rep/a'))).toEqual(Array(4).fill([4, 4, 'HEALTHY', 4]));
  expect(JSON.parse((await cluster.tsmr(['dfs', 'stat', '--json', '/rep/a'])).stdout.toString()).replication).toBe(4);
  expect(blockShapes(await fsckJson('/rep/sub/b'))).toEqual(Array(4).fill([3, 3, 'HEALTHY', 3]));

  // Down to 2 on a directory (every file under it), waiting.
  const down = await cluster.tsmr(['dfs', 'setrep', '-w', '2', '/rep']);
  expect([down.code, down.stderr]).toEqual([0, '']);
  expect(blockShapes(await fsckJson('/rep'))).toEqual(Array(8).fill([2, 2, 'HEALTHY', 2]));

  // Without -w: the new replication is set at once, the replicas follow.
  const noWait = await cluster.tsmr(['dfs', 'setrep', '3', '/rep/sub/b']);
  expect([noWait.code, noWait.stderr]).toEqual([0, '']);
  expect((await fsckJson('/rep/sub/b')).files[0]!.replication).toBe(3);
  const deadline = Date.now() + 15_000;
  while (JSON.stringify(blockShapes(await fsckJson('/rep/sub/b'))) !== JSON.stringify(Array(4).fill([3, 3, 'HEALTHY', 3]))) {
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(sha256((await cluster.tsmr(['dfs', 'cat', '/rep/a'])).stdout)).toBe(sha256(data));
  expect(sha256((await cluster.tsmr(['dfs', 'cat', '/rep/sub/b'])).stdout)).toBe(sha256(data));
});

test('put -f replaces an existing file atomically: readers see the old bytes or the new, then the new', async () => {
  const oldData = randomBytes(4 * MB + 3, 51);
  const newData = randomBytes(6 * MB + 5, 52);
  fs.writeFileSync(path.join(work, 'old'), oldData);
  fs.writeFileSync(path.join(work, 'new'), newData);
  expect((await cluster.tsmr(['dfs', 'put', path.join(work, 'old'), '/replace/f'])).code).toBe(0);
  const client = cluster.client();
  const expected = new Map([[sha256(oldData), 'old'], [sha256(newData), 'new']]);
  // Read the file over and over while put -f runs: never a half-written or missing file.
  let putting = true;
  const seen: string[] = [];
  const reader = (async () => {
    while (putting) {
      seen.push(expected.get(sha256(await client.readFile('/replace/f'))) ?? 'neither old nor new');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const put = await cluster.tsmr(['dfs', 'put', '-f', path.join(work, 'new'), '/replace/f']);
  putting = false;
  await reader;
  expect([put.code, put.stderr]).toEqual([0, '']);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((s) => s !== 'old' && s !== 'new')).toEqual([]);
  expect(seen[0]).toBe('old');
  const back = path.join(work, 'replaced.back');
  expect((await cluster.tsmr(['dfs', 'get', '/replace/f', back])).code).toBe(0);
  expect(sha256(fs.readFileSync(back))).toBe(sha256(newData));
  const stat = JSON.parse((await cluster.tsmr(['dfs', 'stat', '--json', '/replace/f'])).stdout.toString());
  expect([stat.length, stat.blockCount]).toEqual([newData.length, 7]);
  // The old file's blocks are gone from the listing too: one file, seven blocks.
  expect(blockShapes(await fsckJson('/replace'))).toEqual(Array(7).fill([3, 3, 'HEALTHY', 3]));
});
