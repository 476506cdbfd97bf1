// The namespace through ClientProtocol: directories, files, errors, overwrite, restart.
import {
  AlreadyExistsError,
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
  type FileStatus__Output,
} from '@tsmr/common';
import { FakeDatanode, eventually, startDatanodes, startTestNamenode, stopAll, writeFile, type TestNamenode } from './harness';

jest.setTimeout(20_000);
afterEach(stopAll);

let nn: TestNamenode;
let datanodes: FakeDatanode[];

beforeEach(async () => {
  nn = await startTestNamenode();
  datanodes = await startDatanodes(nn.namenode.address, 4);
});

const paths = (entries: FileStatus__Output[]) => entries.map((e) => e.path);
const writer = 'client-1';

describe('directories', () => {
  it('makes directories with and without parents', async () => {
    await nn.client.Mkdirs({ path: '/a/b/c', createParent: true, owner: 'ann' });
    await nn.client.Mkdirs({ path: '/a/b/c', createParent: true }); // mkdir -p of an existing dir
    await nn.client.Mkdirs({ path: '/a/d' });
    const stat = await nn.client.Stat({ path: '/a/b/c/' });
    expect(stat).toMatchObject({ path: '/a/b/c', type: 'DIRECTORY', owner: 'ann', length: 0 });
    expect(paths((await nn.client.List({ path: '/a' })).entries)).toEqual(['/a/b', '/a/d']);
    await expect(nn.client.Mkdirs({ path: '/a/d' })).rejects.toThrow(AlreadyExistsError);
    await expect(nn.client.Mkdirs({ path: '/x/y' })).rejects.toThrow(new NotFoundError('parent directory /x does not exist (create parents to make it)'));
    await expect(nn.client.Stat({ path: '/x' })).rejects.toThrow(NotFoundError);
  });

  it('always has a root', async () => {
    expect(await nn.client.Stat({ path: '/' })).toMatchObject({ path: '/', type: 'DIRECTORY' });
    expect((await nn.client.List({ path: '/' })).entries).toEqual([]);
    await nn.client.Mkdirs({ path: '/', createParent: true });
    await expect(nn.client.Delete({ path: '/', recursive: true })).rejects.toThrow(InvalidArgumentError);
    await expect(nn.client.Rename({ src: '/', dst: '/x' })).rejects.toThrow(InvalidArgumentError);
  });

  it('refuses a path under a file', async () => {
    await writeFile(nn.client, datanodes, '/f', [10]);
    await expect(nn.client.Mkdirs({ path: '/f/g', createParent: true })).rejects.toThrow(new FailedPreconditionError('/f is a file'));
    await expect(nn.client.Create({ path: '/f/g/h', clientName: writer, createParent: true })).rejects.toThrow(
      new FailedPreconditionError('/f is a file'),
    );
    await expect(nn.client.Mkdirs({ path: '/f' })).rejects.toThrow(new AlreadyExistsError('/f already exists and is a file'));
  });

  it('lists recursively, sorted by path, and a file as itself', async () => {
    await nn.client.Mkdirs({ path: '/d/sub', createParent: true });
    await writeFile(nn.client, datanodes, '/d/sub/z', [5]);
    await writeFile(nn.client, datanodes, '/d/a', [5]);
    expect(paths((await nn.client.List({ path: '/d', recursive: true })).entries)).toEqual(['/d/a', '/d/sub', '/d/sub/z']);
    expect(paths((await nn.client.List({ path: '/', recursive: true })).entries)).toEqual(['/d', '/d/a', '/d/sub', '/d/sub/z']);
    expect((await nn.client.List({ path: '/d/a' })).entries).toEqual([expect.objectContaining({ path: '/d/a', type: 'FILE', length: 5 })]);
  });

  it('rejects bad paths naming the field', async () => {
    await expect(nn.client.Stat({ path: '/a/../b' })).rejects.toThrow(InvalidArgumentError);
    await expect(nn.client.Mkdirs({ path: '/a\u0000b' })).rejects.toThrow(/NUL/);
    await expect(nn.client.Rename({ src: '/a', dst: '/b//c' })).rejects.toThrow(/^dst: /);
    await expect(nn.client.Stat({ path: '' })).rejects.toThrow(new InvalidArgumentError('path is empty'));
  });
});

describe('delete', () => {
  it('deletes files and directories, refusing a non-empty one without recursive', async () => {
    await writeFile(nn.client, datanodes, '/d/one', [4096, 100]);
    await writeFile(nn.client, datanodes, '/d/two', [7]);
    await expect(nn.client.Delete({ path: '/d' })).rejects.toThrow(FailedPreconditionError);
    expect(await nn.client.Delete({ path: '/d/two' })).toEqual({ filesDeleted: 1, blocksDeleted: 1 });
    expect(await nn.client.Delete({ path: '/d', recursive: true })).toEqual({ filesDeleted: 1, blocksDeleted: 2 });
    await expect(nn.client.Stat({ path: '/d' })).rejects.toThrow(NotFoundError);
    await expect(nn.client.Delete({ path: '/d' })).rejects.toThrow(new NotFoundError('/d does not exist'));
  });
});

describe('rename', () => {
  it('moves files and directories', async () => {
    await writeFile(nn.client, datanodes, '/a/f', [3]);
    await nn.client.Mkdirs({ path: '/b' });
    await nn.client.Rename({ src: '/a', dst: '/b/a2' });
    expect(await nn.client.Stat({ path: '/b/a2/f' })).toMatchObject({ length: 3 });
    await expect(nn.client.Stat({ path: '/a' })).rejects.toThrow(NotFoundError);
    const located = await nn.client.GetBlockLocations({ path: '/b/a2/f' });
    expect(located.blocks).toHaveLength(1);
  });

  it('refuses a missing source, an existing target, a dir into itself, and a missing target parent', async () => {
    await nn.client.Mkdirs({ path: '/a/b', createParent: true });
    await nn.client.Mkdirs({ path: '/c' });
    await expect(nn.client.Rename({ src: '/nope', dst: '/x' })).rejects.toThrow(NotFoundError);
    await expect(nn.client.Rename({ src: '/a', dst: '/c' })).rejects.toThrow(new AlreadyExistsError('/c already exists'));
    await expect(nn.client.Rename({ src: '/a', dst: '/a/b/x' })).rejects.toThrow(InvalidArgumentError);
    await expect(nn.client.Rename({ src: '/a', dst: '/q/r' })).rejects.toThrow(NotFoundError);
    expect(paths((await nn.client.List({ path: '/', recursive: true })).entries)).toEqual(['/a', '/a/b', '/c']);
  });
});

describe('create and complete', () => {
  it('validates replication and block size, changing nothing on rejection', async () => {
    const create = (extra: object) => nn.client.Create({ path: '/p/f', clientName: writer, createParent: true, ...extra });
    await expect(create({ replication: 5 })).rejects.toThrow(new InvalidArgumentError('replication 5 exceeds the 4 live datanodes'));
    await expect(create({ replication: -1 })).rejects.toThrow(InvalidArgumentError);
    await expect(create({ blockSize: 1000 })).rejects.toThrow(/block size 1000 must be a positive multiple of bytes_per_checksum \(1024\)/);
    await expect(create({ blockSize: -1024 })).rejects.toThrow(InvalidArgumentError);
    await expect(nn.client.Stat({ path: '/p' })).rejects.toThrow(NotFoundError); // create_parent made nothing
    await expect(nn.client.Create({ path: '/f', clientName: '' })).rejects.toThrow(new InvalidArgumentError('client_name is required'));
  });

  it('applies defaults and hides the file until it completes', async () => {
    const status = await nn.client.Create({ path: '/f', clientName: writer });
    expect(status).toMatchObject({ path: '/f', type: 'FILE', replication: 3, blockSize: 4096 });
    await expect(nn.client.Stat({ path: '/f' })).rejects.toThrow(NotFoundError);
    expect((await nn.client.List({ path: '/' })).entries).toEqual([]);
    expect(await nn.client.GetContentSummary({ path: '/' })).toMatchObject({ fileCount: 0 });
    await expect(nn.client.Create({ path: '/f', clientName: 'other', overwrite: true })).rejects.toThrow(
      new AlreadyExistsError('/f is being written by client-1'),
    );
    await expect(nn.client.Mkdirs({ path: '/f' })).rejects.toThrow(AlreadyExistsError);
    // The same writer asking again is a retry.
    expect(await nn.client.Create({ path: '/f', clientName: writer })).toMatchObject({ path: '/f' });
  });

  it('completes only once every block has a replica of its recorded length', async () => {
    await nn.client.Create({ path: '/f', clientName: writer, replication: 2 });
    const first = await nn.client.AddBlock({ path: '/f', clientName: writer });
    expect(first).toMatchObject({ offset: 0, length: 0 });
    expect(new Set(first.locations.map((l) => l.datanodeId)).size).toBe(2);
    const node = (id: string) => datanodes.find((d) => d.id === id) as FakeDatanode;
    const second = await nn.client.AddBlock({ path: '/f', clientName: writer, previous: { blockId: first.blockId, length: 4096 } });
    expect(second.offset).toBe(4096);
    const last = { blockId: second.blockId, length: 10 };
    expect(await nn.client.Complete({ path: '/f', clientName: writer, last })).toEqual({ completed: false });
    await node(first.locations[0]!.datanodeId).receive(first.blockId, 4096);
    await node(second.locations[0]!.datanodeId).receive(second.blockId, 9); // wrong length
    expect(await nn.client.Complete({ path: '/f', clientName: writer, last })).toEqual({ completed: false });
    await node(second.locations[1]!.datanodeId).receive(second.blockId, 10);
    expect(await nn.client.Complete({ path: '/f', clientName: writer, last })).toEqual({ completed: true });
    expect(await nn.client.Complete({ path: '/f', clientName: writer, last })).toEqual({ completed: true }); // a retry
    expect(await nn.client.Stat({ path: '/f' })).toMatchObject({ length: 4106, blockCount: 2, replication: 2 });
    const located = await nn.client.GetBlockLocations({ path: '/f' });
    expect(located.blocks.map((b) => [b.blockId, b.offset, b.length])).toEqual([
      [first.blockId, 0, 4096],
      [second.blockId, 4096, 10],
    ]);
    // The replica of the wrong length is not listed.
    expect(located.blocks[1]!.locations.map((l) => l.datanodeId)).toEqual([second.locations[1]!.datanodeId]);
  });

  it('checks the lease holder and the previous block', async () => {
    await nn.client.Create({ path: '/f', clientName: writer });
    const block = await nn.client.AddBlock({ path: '/f', clientName: writer });
    await expect(nn.client.AddBlock({ path: '/f', clientName: 'intruder' })).rejects.toThrow(
      new FailedPreconditionError('/f is being written by client-1, not intruder'),
    );
    await expect(nn.client.AddBlock({ path: '/f', clientName: writer })).rejects.toThrow(/previous is required/);
    await expect(nn.client.AddBlock({ path: '/f', clientName: writer, previous: { blockId: 'blk_77', length: 1 } })).rejects.toThrow(
      FailedPreconditionError,
    );
    await expect(nn.client.AddBlock({ path: '/f', clientName: writer, previous: { blockId: 'blk_x', length: 1 } })).rejects.toThrow(
      /previous.block_id 'blk_x' is not a block id/,
    );
    await expect(nn.client.AddBlock({ path: '/nope', clientName: writer })).rejects.toThrow(NotFoundError);
    // Abandoning the block lets the writer ask for the first block again.
    await nn.client.AbandonBlock({ path: '/f', clientName: writer, blockId: block.blockId });
    const again = await nn.client.AddBlock({ path: '/f', clientName: writer });
    expect(again.blockId).not.toBe(block.blockId);
    expect(again.offset).toBe(0);
    // After abandoning a later block, previous may be left out: its length is recorded.
    const second = await nn.client.AddBlock({ path: '/f', clientName: writer, previous: { blockId: again.blockId, length: 4096 } });
    await expect(nn.client.AbandonBlock({ path: '/f', clientName: writer, blockId: again.blockId })).rejects.toThrow(FailedPreconditionError);
    await nn.client.AbandonBlock({ path: '/f', clientName: writer, blockId: second.blockId });
    await nn.client.AbandonBlock({ path: '/f', clientName: writer, blockId: second.blockId }); // a retry
    expect((await nn.client.AddBlock({ path: '/f', clientName: writer })).offset).toBe(4096);
  });

  it('replaces a file on overwrite only when the new one completes', async () => {
    const [oldBlock] = await writeFile(nn.client, datanodes, '/f', [100]);
    await nn.client.Create({ path: '/f', clientName: writer, overwrite: true });
    const block = await nn.client.AddBlock({ path: '/f', clientName: writer });
    expect(await nn.client.Stat({ path: '/f' })).toMatchObject({ length: 100 });
    expect((await nn.client.GetBlockLocations({ path: '/f' })).blocks.map((b) => b.blockId)).toEqual([oldBlock]);
    for (const location of block.locations) await datanodes.find((d) => d.id === location.datanodeId)!.receive(block.blockId, 200);
    expect(await nn.client.Complete({ path: '/f', clientName: writer, last: { blockId: block.blockId, length: 200 } })).toEqual({ completed: true });
    expect(await nn.client.Stat({ path: '/f' })).toMatchObject({ length: 200 });
    expect((await nn.client.GetBlockLocations({ path: '/f' })).blocks.map((b) => b.blockId)).toEqual([block.blockId]);
    await expect(nn.client.Create({ path: '/f', clientName: 'c2' })).rejects.toThrow(
      new AlreadyExistsError('/f already exists (use overwrite to replace it)'),
    );
    // The replaced file's replicas are deleted.
    const holders = datanodes.filter((d) => d.blocks.has(oldBlock!));
    expect(holders).toHaveLength(3);
    await eventually('old replicas invalidated', () => holders.every((d) => d.invalidated().includes(oldBlock!)));
  });
});

describe('set replication and content summary', () => {
  it('sets replication within the live datanodes', async () => {
    await writeFile(nn.client, datanodes, '/f', [10], 2);
    await nn.client.SetReplication({ path: '/f', replication: 4 });
    expect(await nn.client.Stat({ path: '/f' })).toMatchObject({ replication: 4 });
    await expect(nn.client.SetReplication({ path: '/f', replication: 5 })).rejects.toThrow(
      new InvalidArgumentError('replication 5 exceeds the 4 live datanodes'),
    );
    await expect(nn.client.SetReplication({ path: '/f', replication: 0 })).rejects.toThrow(InvalidArgumentError);
    await expect(nn.client.SetReplication({ path: '/nope', replication: 1 })).rejects.toThrow(NotFoundError);
    expect(await nn.client.Stat({ path: '/f' })).toMatchObject({ replication: 4 });
  });

  it('sums a tree', async () => {
    await writeFile(nn.client, datanodes, '/d/a', [4096, 4], 2);
    await writeFile(nn.client, datanodes, '/d/e/b', [6], 3);
    expect(await nn.client.GetContentSummary({ path: '/d' })).toEqual({
      length: 4106,
      fileCount: 2,
      directoryCount: 2,
      spaceConsumed: 4100 * 2 + 6 * 3,
    });
    expect(await nn.client.GetContentSummary({ path: '/d/a' })).toMatchObject({ fileCount: 1, directoryCount: 0, length: 4100 });
  });
});

describe('locations', () => {
  it('selects the blocks overlapping a range', async () => {
    await writeFile(nn.client, datanodes, '/f', [4096, 4096, 50]);
    const offsets = async (offset: number, length: number) =>
      (await nn.client.GetBlockLocations({ path: '/f', offset, length })).blocks.map((b) => b.offset);
    expect(await offsets(0, 0)).toEqual([0, 4096, 8192]);
    expect(await offsets(4096, 1)).toEqual([4096]);
    expect(await offsets(4095, 2)).toEqual([0, 4096]);
    expect(await offsets(8200, 0)).toEqual([8192]);
    expect(await offsets(9000, 0)).toEqual([]);
    await expect(nn.client.GetBlockLocations({ path: '/f', offset: -1 })).rejects.toThrow(/offset -1/);
    await nn.client.Mkdirs({ path: '/d' });
    await expect(nn.client.GetBlockLocations({ path: '/d' })).rejects.toThrow(FailedPreconditionError);
  });

  it('lists the client datanode first and rotates the others per block', async () => {
    const blocks = await writeFile(nn.client, datanodes, '/f', [4096, 4096, 4096, 4096, 1], 4);
    const located = await nn.client.GetBlockLocations({ path: '/f' });
    const orders = located.blocks.map((b) => b.locations.map((l) => l.datanodeId));
    expect(new Set(orders.map((o) => o[0])).size).toBeGreaterThan(1); // reads spread over datanodes
    const again = await nn.client.GetBlockLocations({ path: '/f' });
    expect(again.blocks.map((b) => b.locations.map((l) => l.datanodeId))).toEqual(orders); // stable per block
    const local = datanodes[2]!.id;
    const near = await nn.client.GetBlockLocations({ path: '/f', clientDatanode: local });
    expect(near.blocks.map((b) => b.locations[0]!.datanodeId)).toEqual(blocks.map(() => local));
  });
});

describe('restart', () => {
  it('keeps the namespace and rebuilds replicas from block reports, in safe mode until then', async () => {
    await nn.client.Mkdirs({ path: '/empty/dir', createParent: true });
    const blocks = await writeFile(nn.client, datanodes, '/data/f', [4096, 10]);
    await nn.client.Create({ path: '/data/writing', clientName: writer });
    await nn.stop();

    const restarted = await startTestNamenode({ dir: nn.dir });
    expect(await restarted.client.Stat({ path: '/data/f' })).toMatchObject({ length: 4106, blockCount: 2 });
    expect(paths((await restarted.client.List({ path: '/', recursive: true })).entries)).toEqual(['/data', '/data/f', '/empty', '/empty/dir']);
    const refused = restarted.client.Mkdirs({ path: '/x' });
    await expect(refused).rejects.toThrow(UnavailableError);
    await expect(refused).rejects.toThrow(/namenode is in safe mode: 0 of 2 blocks reported$/);
    expect(await restarted.client.GetClusterReport({})).toMatchObject({ safeMode: true, safeModeReason: expect.stringMatching(/^0 of 2 blocks/) });

    // The datanodes' heartbeats are answered with reregister; they register and report.
    for (const datanode of datanodes) datanode.connect(restarted.namenode.address);
    await eventually('safe mode to end', async () => !(await restarted.client.GetClusterReport({})).safeMode);
    const located = await restarted.client.GetBlockLocations({ path: '/data/f' });
    expect(located.blocks.map((b) => b.blockId)).toEqual(blocks);
    expect(located.blocks.every((b) => b.locations.length === 3)).toBe(true);
    await restarted.client.Mkdirs({ path: '/x' });
    // The file under construction survived, still held by its writer.
    await expect(restarted.client.Create({ path: '/data/writing', clientName: 'other' })).rejects.toThrow(/being written by client-1/);
    // New block ids do not reuse old ones.
    const next = await writeFile(restarted.client, datanodes, '/g', [1]);
    expect(blocks).not.toContain(next[0]);
  });
});
