import { AlreadyExistsError, DataLossError, NotFoundError } from '@tsmr/common';
import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BlockStorage } from '../../src/datanode/storage';
import { computeChecksums } from '../../src/transfer/checksum';
import { tempDir } from './helpers';

async function storeBlock(storage: BlockStorage, blockId: string, data: Buffer, bytesPerChecksum = 1024): Promise<void> {
  const replica = await storage.createReplica(blockId, bytesPerChecksum);
  await replica.write(0, data, computeChecksums(data, bytesPerChecksum));
  await storage.finalize(replica);
}

describe('BlockStorage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the same datanode id across restarts', async () => {
    const first = await BlockStorage.open(dir);
    expect(first.datanodeId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readFile(path.join(dir, 'datanode-id'), 'utf8')).trim()).toBe(first.datanodeId);
    expect((await BlockStorage.open(dir)).datanodeId).toBe(first.datanodeId);
    const other = await tempDir();
    try {
      expect((await BlockStorage.open(other)).datanodeId).not.toBe(first.datanodeId);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('empties tmp/ at start', async () => {
    const storage = await BlockStorage.open(dir);
    const replica = await storage.createReplica('blk_3', 1024);
    await replica.write(0, Buffer.alloc(10), computeChecksums(Buffer.alloc(10), 1024));
    await replica.close();
    expect(await readdir(path.join(dir, 'tmp'))).toEqual(['blk_3', 'blk_3.meta']);
    await BlockStorage.open(dir);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('finalizes into current/, lists, reads back verified, and deletes', async () => {
    const storage = await BlockStorage.open(dir);
    const data = randomBytes(5000);
    await storeBlock(storage, 'blk_12', data);
    expect(await storage.list()).toEqual([{ blockId: 'blk_12', length: 5000 }]);
    expect((await storage.storageReport()).used).toBe(5000 + 8 + 5 * 4);
    const reader = await storage.openReplica('blk_12');
    expect((await reader.read(1000, 4000, Buffer.alloc(8192))).equals(data.subarray(1000, 4000))).toBe(true);
    await reader.close();
    await expect(storage.createReplica('blk_12', 1024)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await storage.delete('blk_12')).toBe(true);
    expect(await storage.delete('blk_12')).toBe(false);
    expect(await storage.list()).toEqual([]);
    expect((await storage.storageReport()).used).toBe(0);
    await expect(storage.openReplica('blk_12')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts used bytes at start and drops a meta file left without its block', async () => {
    const storage = await BlockStorage.open(dir);
    await storeBlock(storage, 'blk_1', randomBytes(3000));
    await writeFile(path.join(dir, 'current', 'blk_2.meta'), Buffer.alloc(8));
    const reopened = await BlockStorage.open(dir);
    expect(await readdir(path.join(dir, 'current'))).toEqual(['blk_1', 'blk_1.meta']);
    const report = await reopened.storageReport();
    expect(report.used).toBe(3000 + 8 + 3 * 4);
    expect(report.capacity).toBeGreaterThan(0);
    expect(report.remaining).toBeGreaterThan(0);
  });

  it('refuses to serve a replica marked corrupt or whose meta file is missing', async () => {
    const storage = await BlockStorage.open(dir);
    await storeBlock(storage, 'blk_4', randomBytes(100));
    await storeBlock(storage, 'blk_5', randomBytes(100));
    storage.markCorrupt('blk_4', 'test');
    await expect(storage.openReplica('blk_4')).rejects.toBeInstanceOf(DataLossError);
    await rm(path.join(dir, 'current', 'blk_5.meta'));
    await expect(storage.openReplica('blk_5')).rejects.toBeInstanceOf(DataLossError);
  });
});
