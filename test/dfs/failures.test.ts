// Real processes killed with SIGKILL: a lost datanode's blocks are re-replicated in bounded
// time (and `tsmr local status` shows it gone), a corrupt replica is detected, shown by
// `tsmr dfs fsck` and replaced, a namenode restart loses nothing, and a write whose
// pipeline loses a datanode still finishes.
import { Readable } from 'node:stream';
import type { FsckReport__Output } from '../../packages/common/src';
import { TestCluster, randomBytes, sha256, waitFor } from '../harness/cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

const HEARTBEAT_MS = 200;
const DEAD_TIMEOUT_MS = 2000;

/** `tsmr local status`: daemon name → [running|stopped, pid], and the exit code. */
async function localStatus(c: TestCluster): Promise<{ code: number; text: string; daemons: Map<string, [string, number]> }> {
  const result = await c.tsmr(['local', 'status', '--dir', c.dir]);
  const text = result.stdout.toString();
  const daemons = new Map<string, [string, number]>();
  for (const m of text.matchAll(/^(\S+) +(running|stopped) +pid (\d+) /gm)) daemons.set(m[1]!, [m[2]!, Number(m[3])]);
  return { code: result.code, text, daemons };
}

test('kill -9 one of 4 datanodes: every block is back to 3 live replicas within dead-timeout + a few heartbeats, reads never fail', async () => {
  cluster = await TestCluster.start({
    nodes: 4, blockSize: '1MB', replication: 3, heartbeatInterval: `${HEARTBEAT_MS}ms`, deadNodeTimeout: `${DEAD_TIMEOUT_MS}ms`,
  });
  const client = cluster.client();
  const data = randomBytes(6 * MB + 3, 11);
  await client.writeFile('/f/data', data);
  const before = await client.fsck('/f/data');
  expect(liveReplicas(before)).toEqual(Array(7).fill(3));

  // `tsmr local status` names every daemon, running, with the pid cluster.json records.
  const info = cluster.info;
  const expected = new Map<string, [string, number]>([
    ['namenode', ['running', info.namenode.pid]],
    ...info.datanodes.map((d, i) => [`datanode-${i + 1}`, ['running', d.pid]] as [string, [string, number]]),
    ['master', ['running', info.master.pid]],
    ...info.workers.map((w, i) => [`worker-${i + 1}`, ['running', w.pid]] as [string, [string, number]]),
  ]);
  const up = await localStatus(cluster);
  expect(up.code).toBe(0);
  expect(up.daemons).toEqual(expected);
  expect(up.text).toContain('live datanodes: 4 of 4');

  const victim = info.datanodes[1]!;
  const killedAt = Date.now();
  cluster.killDatanode(1);
  // Reads right after the kill fail over to the surviving replicas.
  expect(sha256(await client.readFile('/f/data'))).toBe(sha256(data));

  // The acceptance: back to 3 live replicas within dead-timeout + a few heartbeats (here
  // 8 s of slack for the replication itself on a loaded machine, i.e. 40 heartbeats).
  const boundMs = DEAD_TIMEOUT_MS + 8000;
  const healed = await waitFor('3 live replicas of every block on the 3 survivors', async () => {
    const report = await client.fsck('/f/data');
    const ok = report.healthy && liveReplicas(report).every((n) => n === 3) && report.deadDatanodes === 1;
    return ok && report;
  }, boundMs - (Date.now() - killedAt), 50);
  expect(Date.now() - killedAt).toBeLessThan(boundMs);
  const victimId = fs.readFileSync(`${victim.dir}/datanode-id`, 'utf8').trim();
  for (const block of healed.files[0]!.blocks) {
    expect(block.replicas.map((r) => r.datanode?.datanodeId)).not.toContain(victimId);
  }
  expect(sha256(await client.readFile('/f/data'))).toBe(sha256(data));

  // local status now shows the dead datanode as stopped, and exits non-zero.
  const down = await localStatus(cluster);
  expect(down.code).toBe(1);
  expect(down.daemons).toEqual(new Map([...expected, ['datanode-2', ['stopped', victim.pid]]]));
  expect(down.text).toContain('live datanodes: 3 of 4');
});

interface FsckJson {
  healthy: boolean;
  corruptReplicas: number;
  files: Array<{ blocks: Array<{ blockId: string; liveReplicas: number; health: string; replicas: Array<{ state: string; datanode: { datanodeId: string } }> }> }>;
}

async function cliFsck(c: TestCluster, p: string): Promise<{ json: FsckJson; text: string }> {
  const json = await c.tsmr(['dfs', 'fsck', '--json', p]);
  const text = await c.tsmr(['dfs', 'fsck', p]);
  expect([json.code, json.stderr, text.code, text.stderr]).toEqual([0, '', 0, '']);
  return { json: JSON.parse(json.stdout.toString()), text: text.stdout.toString() };
}

test('a flipped byte in a stored block: `tsmr dfs get` returns the right bytes, fsck shows the corrupt replica, then shows it replaced', async () => {
  cluster = await TestCluster.start({
    nodes: 4, blockSize: '1MB', replication: 3, heartbeatInterval: `${HEARTBEAT_MS}ms`, deadNodeTimeout: `${DEAD_TIMEOUT_MS}ms`,
  });
  const client = cluster.client();
  // With datanode 4 down, every block of a 3-replica file lives on each of the other 3: a
  // corrupt replica cannot be replaced until datanode 4 is back, so the CLI sees it for
  // as long as the test looks (not only in a race with the replication monitor).
  cluster.killDatanode(3);
  await waitFor('datanode 4 to be dead', async () => (await client.clusterReport()).datanodes.filter((d) => d.live).length === 3);
  const data = randomBytes(2 * MB + 100, 12);
  await client.writeFile('/c/data', data);
  const located = await client.getBlockLocations('/c/data');
  const block = located.blocks[0]!;
  expect(block.locations).toHaveLength(3);
  const first = block.locations[0]!;
  const file = cluster.blockFile(first.datanodeId, block.blockId);
  const bytes = fs.readFileSync(file);
  bytes[12345] = bytes[12345]! ^ 0xff;
  fs.writeFileSync(file, bytes);

  // The namenode lists the corrupt replica first, so this `get` meets it and fails over.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-flip-'));
  try {
    const get = await cluster.tsmr(['dfs', 'get', '/c/data', path.join(work, 'back')]);
    expect([get.code, get.stderr]).toEqual([0, '']);
    expect(sha256(fs.readFileSync(path.join(work, 'back')))).toBe(sha256(data));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  expect(sha256(await client.readFile('/c/data'))).toBe(sha256(data));

  const short = first.datanodeId.slice(0, 8);
  const flagged = await waitFor('tsmr dfs fsck to show the corrupt replica', async () => {
    const fsck = await cliFsck(cluster!, '/c/data');
    const b = fsck.json.files[0]!.blocks[0]!;
    return b.replicas.some((r) => r.state === 'CORRUPT' && r.datanode.datanodeId === first.datanodeId) && fsck;
  }, 15_000, 100);
  const b0 = flagged.json.files[0]!.blocks[0]!;
  expect(flagged.json.healthy).toBe(false);
  expect(flagged.json.corruptReplicas).toBe(1);
  expect(b0.liveReplicas).toBe(2);
  expect(b0.replicas.filter((r) => r.state === 'LIVE')).toHaveLength(2);
  expect(flagged.text).toMatch(new RegExp(`0\\. ${block.blockId} len=1048576 live=2/3 UNDER_REPLICATED \\[.*\\(${short}\\) CORRUPT`));
  expect(flagged.text).toMatch(/Corrupt replicas: +1\n/);
  expect(flagged.text).toContain('Status: UNHEALTHY');

  // Datanode 4 back: the block is copied there from a good replica and the corrupt one goes.
  await cluster.localStart();
  const replaced = await waitFor('tsmr dfs fsck to show the corrupt replica replaced', async () => {
    const fsck = await cliFsck(cluster!, '/c/data');
    const b = fsck.json.files[0]!.blocks[0]!;
    const ok = fsck.json.healthy && b.replicas.length === 3 && b.replicas.every((r) => r.state === 'LIVE' && r.datanode.datanodeId !== first.datanodeId);
    return ok && fsck;
  }, 15_000, 100);
  expect(replaced.json.corruptReplicas).toBe(0);
  expect(replaced.text).toMatch(new RegExp(`0\\. ${block.blockId} len=1048576 live=3/3 HEALTHY`));
  expect(replaced.text).not.toContain(`(${short}) CORRUPT`);
  expect(replaced.text).toContain('Status: HEALTHY');
  expect(sha256((await cluster.tsmr(['dfs', 'cat', '/c/data'])).stdout)).toBe(sha256(data));
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
