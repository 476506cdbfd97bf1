// Replica bookkeeping and the replication monitor: dead datanodes, re-replication,
// over-replication, orphans, corrupt replicas, fsck.
import { FailedPreconditionError, InvalidArgumentError } from '@tsmr/common';
import { eventually, FakeDatanode, startDatanodes, startTestNamenode, stopAll, writeFile, type TestNamenode } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

let nn: TestNamenode;
let datanodes: FakeDatanode[];

beforeEach(async () => {
  nn = await startTestNamenode();
  datanodes = await startDatanodes(nn.namenode.address, 4);
  // Distinct free space, so "the fullest" is well defined: datanodes[3] is the fullest.
  datanodes.forEach((d, i) => (d.storage = { capacity: 1e12, used: i * 1e9, remaining: 1e12 - i * 1e9 }));
});

const byId = (id: string) => datanodes.find((d) => d.id === id) as FakeDatanode;
const holders = (blockId: string) => datanodes.filter((d) => d.blocks.has(blockId));
const fsck = (path = '/') => nn.client.Fsck({ path });

/** The replicate commands for the block that datanodes received. */
const replicationsOf = (blockId: string) =>
  datanodes.flatMap((d) => d.replicateCommands().flatMap((c) => (c.blockId === blockId ? [{ source: d, targets: c.targets }] : [])));

/** Waits until `count` replicate commands for the block were sent; returns one of them. */
const replication = (blockId: string, count = 1) =>
  eventually(`replicate command #${count} for ${blockId}`, () => replicationsOf(blockId).slice(count - 1)[0]);

/** Copies the block to the targets, as a datanode obeying the command would. */
async function replicate(blockId: string, targets: string[]): Promise<void> {
  const length = holders(blockId)[0]!.blocks.get(blockId)!;
  for (const target of targets) await byId(target).receive(blockId, length);
}

it('re-replicates the blocks of a dead datanode, then trims them when it comes back', async () => {
  const [blockId] = await writeFile(nn.client, datanodes, '/f', [100], 3);
  const before = holders(blockId!);
  const dead = before.find((d) => d !== datanodes[3])!;
  const spare = datanodes.find((d) => !before.includes(d))!;
  dead.stopHeartbeats();

  const { source, targets } = await replication(blockId!);
  expect(before).toContain(source);
  expect(source).not.toBe(dead);
  expect(targets).toEqual([spare.id]);
  expect((await fsck()).deadDatanodes).toBe(1);
  const located = await nn.client.GetBlockLocations({ path: '/f' });
  expect(located.blocks[0]!.locations.map((l) => l.datanodeId)).not.toContain(dead.id);

  await replicate(blockId!, targets);
  expect(await fsck()).toMatchObject({ healthy: true, healthyBlocks: 1, liveDatanodes: 3, deadDatanodes: 1 });

  // Back again: told to register, it reports its replica; the block has 4 of 3 and the
  // replica on the fullest datanode goes.
  dead.startHeartbeats();
  const fullest = [...before.filter((d) => d !== dead), spare, dead].sort((a, b) => a.storage.remaining - b.storage.remaining)[0]!;
  await eventually('the excess replica to be invalidated', () => fullest.invalidated().includes(blockId!));
  expect(datanodes.filter((d) => d !== fullest).flatMap((d) => d.invalidated())).toEqual([]);
  const report = await fsck();
  expect(report).toMatchObject({ healthy: true, liveDatanodes: 4, deadDatanodes: 0, overReplicatedBlocks: 0 });
  expect(report.files[0]!.blocks[0]!.replicas.map((r) => r.datanode!.datanodeId)).not.toContain(fullest.id);
});

it('retries a replication that is not reported in time', async () => {
  const [blockId] = await writeFile(nn.client, datanodes, '/f', [100], 3);
  holders(blockId!)[0]!.stopHeartbeats();
  await replication(blockId!);
  // Nobody copies it: after 5 heartbeat intervals it is scheduled again.
  const retry = await replication(blockId!, 2);
  await replicate(blockId!, retry.targets);
  await eventually('a healthy fsck', async () => (await fsck()).healthy);
});

it('replicates and trims when the replication changes', async () => {
  const [blockId] = await writeFile(nn.client, datanodes, '/f', [100], 2);
  await nn.client.SetReplication({ path: '/f', replication: 3 });
  expect(await fsck()).toMatchObject({ underReplicatedBlocks: 1, healthy: false });
  const { targets } = await replication(blockId!);
  expect(targets).toHaveLength(1);
  await replicate(blockId!, targets);
  expect(await fsck()).toMatchObject({ healthy: true });

  await nn.client.SetReplication({ path: '/f', replication: 1 });
  const fullestFirst = holders(blockId!).sort((a, b) => a.storage.remaining - b.storage.remaining);
  await eventually('two replicas invalidated', () => fullestFirst.slice(0, 2).every((d) => d.invalidated().includes(blockId!)));
  expect(fullestFirst[2]!.invalidated()).toEqual([]);
});

it('has replicas of no file deleted', async () => {
  const [deletedBlock] = await writeFile(nn.client, datanodes, '/gone', [100], 2);
  const deletedHolders = holders(deletedBlock!);
  await nn.client.Delete({ path: '/gone' });
  await eventually('replicas of the deleted file invalidated', () => deletedHolders.every((d) => d.invalidated().includes(deletedBlock!)));

  const stray = datanodes[0]!;
  stray.blocks.set('blk_999999', 10);
  await stray.report();
  await stray.receive('blk_888888', 5);
  await eventually('unknown blocks invalidated', () => stray.invalidated().includes('blk_999999') && stray.invalidated().includes('blk_888888'));
});

it('replaces a corrupt replica, then deletes it', async () => {
  const [blockId] = await writeFile(nn.client, datanodes, '/f', [100], 3);
  const bad = holders(blockId!)[0]!;
  await nn.client.ReportBadBlocks({ blocks: [{ blockId, datanodeId: bad.id, reason: 'checksum mismatch' }] });

  const located = await nn.client.GetBlockLocations({ path: '/f' });
  expect(located.blocks[0]!.locations.map((l) => l.datanodeId)).not.toContain(bad.id);
  const { source, targets } = await replication(blockId!);
  expect(source).not.toBe(bad);
  expect(targets).toHaveLength(1);
  expect(holders(blockId!)).not.toContainEqual(byId(targets[0]!));
  expect(bad.invalidated()).toEqual([]); // kept until there are enough good replicas

  await replicate(blockId!, targets);
  await eventually('the corrupt replica invalidated', () => bad.invalidated().includes(blockId!));
  expect(await fsck()).toMatchObject({ healthy: true, corruptReplicas: 0 });
});

it('treats a reported replica of the wrong length as corrupt', async () => {
  const [blockId] = await writeFile(nn.client, datanodes, '/f', [100], 3);
  const shortOne = holders(blockId!)[0]!;
  shortOne.blocks.set(blockId!, 60);
  await shortOne.report();
  const report = await fsck('/f');
  expect(report.files[0]!.blocks[0]).toMatchObject({ liveReplicas: 2, health: 'UNDER_REPLICATED' });
  expect(report.files[0]!.blocks[0]!.replicas).toContainEqual({ datanode: { datanodeId: shortOne.id, address: shortOne.address, streamAddress: '' }, state: 'CORRUPT' });
  expect(report).toMatchObject({ corruptReplicas: 1, healthy: false });
});

it('reports missing blocks when every holder is dead', async () => {
  const [blockId] = await writeFile(nn.client, datanodes, '/f', [100], 1);
  holders(blockId!)[0]!.stopHeartbeats();
  const report = await eventually('the block to go missing', async () => {
    const r = await fsck();
    return r.missingBlocks === 1 ? r : undefined;
  });
  expect(report).toMatchObject({ healthy: false, totalBlocks: 1, liveDatanodes: 3, deadDatanodes: 1 });
  expect(report.files[0]!.blocks[0]).toMatchObject({ blockId, liveReplicas: 0, health: 'MISSING', replicas: [] });
  expect((await nn.client.GetBlockLocations({ path: '/f' })).blocks[0]!.locations).toEqual([]);
});

describe('datanode protocol', () => {
  it('tells an unknown datanode to register, and refuses its reports until then', async () => {
    const stranger = new FakeDatanode(nn.namenode.address);
    expect(await stranger.api.Heartbeat({ datanodeId: stranger.id })).toEqual({ commands: [{ reregister: {}, command: 'reregister' }] });
    await expect(stranger.api.BlockReport({ datanodeId: stranger.id, blocks: [] })).rejects.toThrow(FailedPreconditionError);
    await expect(stranger.api.Register({ datanode: { datanodeId: stranger.id } })).rejects.toThrow(
      new InvalidArgumentError('datanode.address is required'),
    );
  });

  it('updates the address of a datanode that registers again', async () => {
    const moved = datanodes[0]!;
    await moved.api.Register({ datanode: { datanodeId: moved.id, address: '127.0.0.1:1' }, storage: moved.storage });
    const { datanodes: reported } = await nn.client.GetClusterReport({});
    expect(reported.find((r) => r.datanode!.datanodeId === moved.id)!.datanode!.address).toBe('127.0.0.1:1');
    expect(reported).toHaveLength(4);
  });

  it('reports the cluster', async () => {
    await writeFile(nn.client, datanodes, '/f', [100], 2);
    const report = await nn.client.GetClusterReport({});
    expect(report).toMatchObject({ safeMode: false, safeModeReason: '', defaultReplication: 3, defaultBlockSize: 4096, bytesPerChecksum: 1024 });
    expect(report.datanodes).toHaveLength(4);
    expect(report.datanodes.reduce((n, d) => n + d.blockCount, 0)).toBe(2);
    expect(report.datanodes.every((d) => d.live && d.capacity === 1e12 && d.lastHeartbeat > 0)).toBe(true);
  });
});
