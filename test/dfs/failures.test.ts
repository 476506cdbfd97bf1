// Real processes killed with SIGKILL: a lost datanode's blocks are re-replicated, a corrupt
// replica is detected and replaced, a namenode restart loses nothing, and a write whose
// pipeline loses a datanode still finishes.
import { Readable } from 'node:stream';
import type { FsckReport__Output } from '../../packages/common/src';
import { TestCluster, randomBytes, sha256, waitFor } from '../harness/cluster';
import fs from 'node:fs';
import { formatFsck } from '../../packages/cli/src/format';

const MB = 1024 * 1024;
jest.setTimeout(180_000);

let cluster: TestCluster | undefined;

afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

function liveReplicas(report: FsckReport__Output): number[] {
  return report.files.flatMap((f) => f.blocks.map((b) => b.replicas.filter((r) => r.state === 'LIVE').length));
}

test('kill -9 one of 4 datanodes: every block is back to 3 live replicas, reads never fail', async () => {
  cluster = await TestCluster.start({ nodes: 4, blockSize: '1MB', replication: 3, heartbeatInterval: '200ms', deadNodeTimeout: '2s' });
  const client = cluster.client();
  const data = randomBytes(6 * MB + 3, 11);
  await client.writeFile('/f/data', data);
  const before = await client.fsck('/f/data');
  expect(liveReplicas(before)).toEqual(Array(7).fill(3));

  const victim = cluster.info.datanodes[1]!;
  cluster.killDatanode(1);
  // Reads right after the kill fail over to the surviving replicas.
  expect(sha256(await client.readFile('/f/data'))).toBe(sha256(data));

  const healed = await waitFor('3 live replicas of every block on the 3 survivors', async () => {
    const report = await client.fsck('/f/data');
    const ok = report.healthy && liveReplicas(report).every((n) => n === 3) && report.deadDatanodes === 1;
    return ok && report;
  });
  const victimId = fs.readFileSync(`${victim.dir}/datanode-id`, 'utf8').trim();
  for (const block of healed.files[0]!.blocks) {
    expect(block.replicas.map((r) => r.datanode?.datanodeId)).not.toContain(victimId);
  }
  expect(sha256(await client.readFile('/f/data'))).toBe(sha256(data));
});

test('a flipped byte in a stored block: reads stay right, the replica is reported, shown and replaced', async () => {
  cluster = await TestCluster.start({ nodes: 4, blockSize: '1MB', replication: 3, heartbeatInterval: '1s', deadNodeTimeout: '5s' });
  const client = cluster.client();
  const data = randomBytes(2 * MB + 100, 12);
  await client.writeFile('/c/data', data);
  const located = await client.getBlockLocations('/c/data');
  const block = located.blocks[0]!;
  const first = block.locations[0]!;
  const file = cluster.blockFile(first.datanodeId, block.blockId);
  const bytes = fs.readFileSync(file);
  bytes[12345] = bytes[12345]! ^ 0xff;
  fs.writeFileSync(file, bytes);

  // The namenode lists the corrupt replica first, so this read meets it and fails over.
  expect(sha256(await client.readFile('/c/data'))).toBe(sha256(data));

  const flagged = await waitFor('fsck to show the corrupt replica', async () => {
    const report = await client.fsck('/c/data');
    const b = report.files[0]!.blocks[0]!;
    return b.replicas.some((r) => r.state === 'CORRUPT' && r.datanode?.datanodeId === first.datanodeId) && report;
  }, 10_000, 20);
  expect(flagged.corruptReplicas).toBeGreaterThanOrEqual(1);
  // What `tsmr dfs fsck` prints for that report (the replica may be replaced before a CLI run).
  expect(formatFsck(flagged)).toMatch(new RegExp(`\\(${first.datanodeId.slice(0, 8)}\\) CORRUPT`));

  await waitFor('the corrupt replica to be replaced by a good one', async () => {
    const report = await client.fsck('/c/data');
    const b = report.files[0]!.blocks[0]!;
    return report.healthy && b.replicas.length === 3 && b.replicas.every((r) => r.state === 'LIVE' && r.datanode?.datanodeId !== first.datanodeId);
  });
  expect(sha256(await client.readFile('/c/data'))).toBe(sha256(data));
});

test('kill -9 the namenode and restart it on the same dir: namespace intact, files readable', async () => {
  cluster = await TestCluster.start({ nodes: 3, blockSize: '1MB', replication: 2 });
  const client = cluster.client({ retryForMs: 30_000 });
  const files = [0, 1, 2].map((i) => ({ path: `/nn/d${i}/f${i}`, data: randomBytes(MB + i * 77777, 30 + i) }));
  for (const f of files) await client.writeFile(f.path, f.data);
  await client.mkdirs('/nn/empty-dir');
  await client.rename('/nn/d2/f2', '/nn/moved');
  const listing = (await client.list('/nn', { recursive: true })).map((e) => [e.path, e.type, e.length]);

  cluster.killNamenode();
  await cluster.localStart();

  expect((await client.list('/nn', { recursive: true })).map((e) => [e.path, e.type, e.length])).toEqual(listing);
  expect(sha256(await client.readFile('/nn/d0/f0'))).toBe(sha256(files[0]!.data));
  expect(sha256(await client.readFile('/nn/d1/f1'))).toBe(sha256(files[1]!.data));
  expect(sha256(await client.readFile('/nn/moved'))).toBe(sha256(files[2]!.data));
});

test('a write whose pipeline loses a datanode finishes on a new pipeline', async () => {
  cluster = await TestCluster.start({ nodes: 4, blockSize: '1MB', replication: 3 });
  const client = cluster.client();
  const data = randomBytes(12 * MB, 13);
  const out = await client.create('/p/data');
  // Feed the file slowly, and kill a datanode once a few blocks are written.
  const pieces = Array.from({ length: 48 }, (_, i) => data.subarray(i * 256 * 1024, (i + 1) * 256 * 1024));
  const source = Readable.from(
    (async function* () {
      for (const [i, piece] of pieces.entries()) {
        if (i === 16) cluster!.killDatanode(0);
        if (i >= 16) await new Promise((resolve) => setTimeout(resolve, 10));
        yield piece;
      }
    })(),
  );
  await new Promise<void>((resolve, reject) => source.pipe(out).on('finish', resolve).on('error', reject));
  expect(sha256(await client.readFile('/p/data'))).toBe(sha256(data));
});
