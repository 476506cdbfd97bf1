// A datanode against a fake namenode: registration, reports, commands, corruption.
import { DataLossError, silentLogger } from '@tsmr/common';
import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startDatanode, type Datanode } from '../../src/datanode';
import { BlockWriter, closeTransferClients, readBlock } from '../../src/transfer';
import { FakeNamenode, startCluster, tempDir, waitFor, type TestCluster } from './helpers';

const BPC = 4096;

/** A range of a block, read through its datanode's block stream. */
function read(node: Datanode, range: { blockId: string; offset: number; length: number }): AsyncGenerator<Buffer> {
  return readBlock({ address: node.address, streamAddress: node.streamAddress, ...range });
}

async function readAll(node: Datanode, blockId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of read(node, { blockId, offset: 0, length: 0 })) parts.push(part);
  return Buffer.concat(parts);
}

async function write(cluster: TestCluster, blockId: string, data: Buffer, nodes = cluster.infos()): Promise<void> {
  const writer = new BlockWriter({ blockId, pipeline: nodes, bytesPerChecksum: BPC, clientName: 'test' });
  await writer.write(data);
  await writer.finish();
}

/** Flips one bit of a stored block file. */
async function corrupt(dir: string, blockId: string, offset: number): Promise<void> {
  const file = await open(path.join(dir, 'current', blockId), 'r+');
  const byte = Buffer.alloc(1);
  await file.read(byte, 0, 1, offset);
  byte[0]! ^= 0x10;
  await file.write(byte, 0, 1, offset);
  await file.close();
}

afterAll(() => closeTransferClients());

describe('datanode and namenode', () => {
  let cluster: TestCluster;
  afterEach(async () => {
    await cluster.stop();
  });

  it('registers with its id and address, reports its blocks, and heartbeats its storage', async () => {
    cluster = await startCluster(1);
    const [node] = cluster.datanodes;
    const registration = cluster.namenode.registrations[0]!;
    expect(registration.datanode).toEqual({ datanodeId: node!.datanodeId, address: node!.address, streamAddress: node!.streamAddress });
    expect(registration.storage!.capacity).toBeGreaterThan(0);
    expect(cluster.namenode.blockReports[0]).toEqual({ datanodeId: node!.datanodeId, blocks: [] });
    await write(cluster, 'blk_1', randomBytes(10_000));
    await waitFor(() => cluster.namenode.heartbeats.some((h) => h.storage!.used >= 10_000));
    const heartbeat = cluster.namenode.heartbeats.at(-1)!;
    expect(heartbeat.datanodeId).toBe(node!.datanodeId);
    expect(heartbeat.storage!.remaining).toBeGreaterThan(0);
    expect(heartbeat.activeTransfers).toBe(0);
  });

  it('keeps its id across a restart, clears tmp/, and reports its blocks again', async () => {
    cluster = await startCluster(1);
    const id = cluster.datanodes[0]!.datanodeId;
    await write(cluster, 'blk_2', randomBytes(5000));
    await writeFile(path.join(cluster.dirs[0]!, 'tmp', 'blk_3'), 'partial');
    const restarted = await cluster.restart(0);
    expect(restarted.datanodeId).toBe(id);
    expect(await readdir(path.join(cluster.dirs[0]!, 'tmp'))).toEqual([]);
    await waitFor(() => cluster.namenode.blockReports.length >= 2);
    expect(cluster.namenode.blockReports[1]).toEqual({ datanodeId: id, blocks: [{ blockId: 'blk_2', length: 5000 }] });
  });

  describe('reads through the datanode', () => {
    it('reports a corrupt replica found by a read, then stops serving it', async () => {
      cluster = await startCluster(2);
      const data = randomBytes(50_000);
      await write(cluster, 'blk_4', data);
      await corrupt(cluster.dirs[0]!, 'blk_4', 30_000);
      const [bad, good] = cluster.datanodes;
      await expect(readAll(bad!, 'blk_4')).rejects.toBeInstanceOf(DataLossError);
      await waitFor(() => cluster.namenode.badBlocks.length > 0);
      expect(cluster.namenode.badBlocks).toEqual([{ blockId: 'blk_4', datanodeId: bad!.datanodeId, reason: expect.stringContaining('checksum') }]);
      // Now a replica it no longer serves, even where the bytes are good.
      await expect(
        (async () => {
          for await (const part of read(bad!, { blockId: 'blk_4', offset: 0, length: 10 })) void part;
        })(),
      ).rejects.toBeInstanceOf(DataLossError);
      expect((await readAll(good!, 'blk_4')).equals(data)).toBe(true);
    });

    it('sends the chunks before a corrupt one, then fails with DATA_LOSS', async () => {
      cluster = await startCluster(1);
      const data = randomBytes(9 * 1024 * 1024);
      await write(cluster, 'blk_5', data);
      await corrupt(cluster.dirs[0]!, 'blk_5', 6 * 1024 * 1024 + 5);
      const received: Buffer[] = [];
      const reading = (async () => {
        for await (const part of read(cluster.datanodes[0]!, { blockId: 'blk_5', offset: 0, length: 0 })) received.push(part);
      })();
      await expect(reading).rejects.toBeInstanceOf(DataLossError);
      const prefix = Buffer.concat(received);
      expect(prefix.length).toBe(4 * 1024 * 1024);
      expect(prefix.equals(data.subarray(0, prefix.length))).toBe(true);
    });
  });

  it('finds corruption with the block scanner, without any read', async () => {
    cluster = await startCluster(1, { scanInterval: '100ms' });
    await write(cluster, 'blk_6', randomBytes(20_000));
    await corrupt(cluster.dirs[0]!, 'blk_6', 19_999);
    await waitFor(() => cluster.namenode.badBlocks.some((b) => b.blockId === 'blk_6'));
    expect(cluster.namenode.badBlocks[0]!.datanodeId).toBe(cluster.datanodes[0]!.datanodeId);
    await expect(readAll(cluster.datanodes[0]!, 'blk_6')).rejects.toBeInstanceOf(DataLossError);
  });

  it('copies a block to targets on a replicate command', async () => {
    cluster = await startCluster(3);
    const [source, ...targets] = cluster.infos();
    const data = randomBytes(5 * 1024 * 1024 + 7);
    await write(cluster, 'blk_7', data, [source!]);
    cluster.namenode.queueCommand(source!.datanodeId, { replicate: { blockId: 'blk_7', targets } });
    await waitFor(() => cluster.namenode.received.filter((r) => r.blockId === 'blk_7').length === 3);
    for (const i of [1, 2]) {
      expect((await readFile(path.join(cluster.dirs[i]!, 'current', 'blk_7'))).equals(data)).toBe(true);
      expect((await readAll(cluster.datanodes[i]!, 'blk_7')).equals(data)).toBe(true);
    }
  });

  it('deletes blocks on an invalidate command and reports them deleted', async () => {
    cluster = await startCluster(1);
    const { datanodeId } = cluster.datanodes[0]!;
    await write(cluster, 'blk_8', randomBytes(1000));
    await write(cluster, 'blk_9', randomBytes(1000));
    cluster.namenode.queueCommand(datanodeId, { invalidate: { blockIds: ['blk_8'] } });
    await waitFor(() => cluster.namenode.deleted.length > 0);
    expect(cluster.namenode.deleted).toEqual([{ datanodeId, blockId: 'blk_8' }]);
    expect(await readdir(path.join(cluster.dirs[0]!, 'current'))).toEqual(['blk_9', 'blk_9.meta']);
  });

  it('registers again on a reregister command', async () => {
    cluster = await startCluster(1);
    await write(cluster, 'blk_10', randomBytes(100));
    cluster.namenode.queueCommand(cluster.datanodes[0]!.datanodeId, { reregister: {} });
    await waitFor(() => cluster.namenode.registrations.length === 2 && cluster.namenode.blockReports.length === 2);
    expect(cluster.namenode.blockReports[1]!.blocks).toEqual([{ blockId: 'blk_10', length: 100 }]);
  });
});

describe('a namenode that starts late and restarts', () => {
  it('is registered with once it is up, and again after it restarts', async () => {
    const probe = await FakeNamenode.start();
    const port = probe.port;
    await probe.stop();
    const dir = await tempDir();
    const datanode = await startDatanode({ dir, namenode: `127.0.0.1:${port}` }, silentLogger());
    let namenode: FakeNamenode | undefined;
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      namenode = await FakeNamenode.start({ port });
      await waitFor(() => namenode!.isRegistered(datanode.datanodeId));
      await namenode.stop();
      namenode = await FakeNamenode.start({ port });
      // The new namenode does not know the datanode: it answers a heartbeat with reregister.
      await waitFor(() => namenode!.isRegistered(datanode.datanodeId));
      expect(namenode.blockReports).toHaveLength(1);
    } finally {
      await datanode.stop();
      await namenode?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('datanode options', () => {
  it('refuses bad options with INVALID_ARGUMENT', async () => {
    await expect(startDatanode({ dir: '', namenode: 'nohost' }, silentLogger())).rejects.toThrow(/dir.*namenode/s);
  });
});
