// Short-circuit local reads: a DfsClient beside a datanode reads that datanode's replicas
// from their files, verifies them, and falls back to reading through a datanode when the
// local replica is corrupt or gone. A real namenode and three real datanodes, in process.
import { silentLogger, type FsckReport__Output } from '@tsmr/common';
import { createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { DfsClient, type DfsClientOptions } from '../../src/client';
import { startDatanode, type Datanode } from '../../src/datanode';
import { startNamenode, type Namenode } from '../../src/namenode';
import { closeTransferClients } from '../../src/transfer';
import { tempDir, waitFor } from '../datanode/helpers';

const MiB = 1024 * 1024;
const BLOCK = 8 * MiB;

jest.setTimeout(60_000);

let namenode: Namenode;
let datanodes: Datanode[];
let dirs: string[];
const clients: DfsClient[] = [];

beforeAll(async () => {
  dirs = await Promise.all([0, 1, 2, 3].map(() => tempDir('tsmr-sc-')));
  namenode = await startNamenode(
    { dir: dirs[0]!, heartbeatInterval: '200ms', deadNodeTimeout: '10s', defaultBlockSize: BLOCK, bytesPerChecksum: '64KB' },
    silentLogger(),
  );
  datanodes = await Promise.all(dirs.slice(1).map((dir) => startDatanode({ dir, namenode: namenode.address }, silentLogger())));
  const probe = client();
  await waitFor(async () => {
    const report = await probe.clusterReport();
    return !report.safeMode && report.datanodes.filter((d) => d.live).length === 3;
  });
});

afterAll(async () => {
  for (const c of clients) c.close();
  closeTransferClients();
  await Promise.all(datanodes.map((d) => d.stop()));
  await namenode.stop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function client(options: Partial<DfsClientOptions> = {}): DfsClient {
  const c = new DfsClient({ namenode: namenode.address, log: silentLogger(), ...options });
  clients.push(c);
  return c;
}

/** A client beside datanode 0. */
const localClient = (options: Partial<DfsClientOptions> = {}) => client({ localDatanodeId: datanodes[0]!.datanodeId, ...options });

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The file of datanode 0's replica of the file's i-th block. */
async function localReplicaFile(file: string, i: number): Promise<string> {
  const block = (await client().getBlockLocations(file)).blocks[i]!;
  return path.join(dirs[1]!, 'current', block.blockId);
}

async function flipByte(file: string, offset: number): Promise<void> {
  const handle = await open(file, 'r+');
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, offset);
  byte[0]! ^= 0xff;
  await handle.write(byte, 0, 1, offset);
  await handle.close();
}

describe('short-circuit reads', () => {
  const data = randomBytes(2 * BLOCK + 3 * MiB + 123);

  beforeAll(async () => {
    await client().writeFile('/sc/data', data);
  });

  it('return the same bytes as reads through the datanodes, for whole files and ranges', async () => {
    const local = localClient();
    const remote = localClient({ shortCircuitReads: false });
    expect(sha(await local.readFile('/sc/data'))).toBe(sha(data));
    expect(local.readStatistics()).toEqual({ bytesRead: data.length, shortCircuitBytesRead: data.length });
    for (const [offset, length] of [
      [0, 1],
      [65_535, 2],
      [BLOCK - 5, 10],
      [BLOCK + 4 * MiB - 1, BLOCK + 7],
      [data.length - 1, 1],
    ] as const) {
      const expected = data.subarray(offset, offset + length);
      expect((await local.readFile('/sc/data', { offset, length })).equals(expected)).toBe(true);
      expect((await remote.readFile('/sc/data', { offset, length })).equals(expected)).toBe(true);
    }
    expect(remote.readStatistics().shortCircuitBytesRead).toBe(0);
  });

  it('hand the caller chunks of 4 MiB, each its own buffer', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of await localClient().open('/sc/data', { length: BLOCK })) chunks.push(chunk as Buffer);
    expect(chunks.map((c) => c.length)).toEqual([4 * MiB, 4 * MiB]);
    expect(chunks[0]!.buffer).not.toBe(chunks[1]!.buffer);
  });

  it('readInto fills the caller\'s buffer with the same bytes, in place from local replicas, for whole blocks and odd ranges', async () => {
    const local = localClient();
    const remote = localClient({ shortCircuitReads: false });
    for (const [offset, length] of [
      [0, data.length],
      [BLOCK - 1, BLOCK + 1], // a byte of block 0, then all of block 1 (how a map reads its split)
      [65_535, 3 * MiB + 2],
      [BLOCK + 4 * MiB - 1, 4 * MiB + 7],
      [data.length - 10, 100], // past the end of the file: fewer bytes
    ] as const) {
      const expected = data.subarray(offset, offset + length);
      for (const reader of [local, remote]) {
        const into = Buffer.alloc(length + 10, 0xee);
        const read = await reader.readInto('/sc/data', offset, into.subarray(0, length));
        expect(read).toBe(expected.length);
        expect(into.subarray(0, read).equals(expected)).toBe(true);
        expect(into.subarray(read).equals(Buffer.alloc(length + 10 - read, 0xee))).toBe(true); // nothing written past it
      }
    }
    expect(remote.readStatistics().shortCircuitBytesRead).toBe(0);
  });

  it('readInto ends with the abort reason when its signal is aborted, locally or through a datanode', async () => {
    for (const reader of [localClient(), localClient({ shortCircuitReads: false })]) {
      const controller = new AbortController();
      const reading = reader.readInto('/sc/data', 0, Buffer.alloc(data.length), controller.signal);
      controller.abort(new Error('attempt killed'));
      await expect(reading).rejects.toThrow('attempt killed');
    }
  });

  it('are not used by a client without a local datanode', async () => {
    const plain = client();
    await plain.readFile('/sc/data');
    expect(plain.readStatistics()).toEqual({ bytesRead: data.length, shortCircuitBytesRead: 0 });
  });
});

describe('short-circuit fallback', () => {
  it('detects a flipped byte in the local replica, reads the block from another, and the corrupt replica is reported', async () => {
    const data = randomBytes(BLOCK + MiB);
    await client().writeFile('/sc/corrupt', data);
    const replicaFile = await localReplicaFile('/sc/corrupt', 0);
    await flipByte(replicaFile, 5 * MiB + 17);
    const local = localClient();
    expect(sha(await local.readFile('/sc/corrupt'))).toBe(sha(data));
    // The bytes before the bad 4 MiB read came short-circuit; the rest from other replicas.
    expect(local.readStatistics().shortCircuitBytesRead).toBe(4 * MiB + MiB);
    const { blockId } = (await client().getBlockLocations('/sc/corrupt')).blocks[0]!;
    const report = await waitForFsck('/sc/corrupt', (r) =>
      r.files[0]!.blocks[0]!.replicas.some((p) => p.state === 'CORRUPT' && p.datanode?.datanodeId === datanodes[0]!.datanodeId),
    );
    expect(report.files[0]!.blocks[0]!.blockId).toBe(blockId);
  });

  it('readInto of a block whose local replica is corrupt still fills the buffer with the right bytes', async () => {
    const data = randomBytes(BLOCK + MiB);
    await client().writeFile('/sc/corrupt-into', data);
    await flipByte(await localReplicaFile('/sc/corrupt-into', 0), 6 * MiB + 3);
    const into = Buffer.alloc(data.length);
    expect(await localClient().readInto('/sc/corrupt-into', 0, into)).toBe(data.length);
    expect(sha(into)).toBe(sha(data));
  });

  it('reads through the datanodes when the local replica was deleted before the read', async () => {
    const data = randomBytes(2 * BLOCK);
    await client().writeFile('/sc/deleted', data);
    const replicaFile = await localReplicaFile('/sc/deleted', 1);
    await rm(replicaFile);
    await rm(replicaFile + '.meta');
    const local = localClient();
    expect(sha(await local.readFile('/sc/deleted'))).toBe(sha(data));
    expect(local.readStatistics()).toEqual({ bytesRead: data.length, shortCircuitBytesRead: BLOCK });
  });

  it('reads through the datanodes when the local replica is deleted while the file is being read', async () => {
    const data = randomBytes(2 * BLOCK);
    await client().writeFile('/sc/deleted-mid-read', data);
    const replicaFile = await localReplicaFile('/sc/deleted-mid-read', 1);
    const local = localClient();
    const parts: Buffer[] = [];
    for await (const chunk of await local.open('/sc/deleted-mid-read')) {
      if (parts.length === 0) {
        await rm(replicaFile);
        await rm(replicaFile + '.meta');
      }
      parts.push(chunk as Buffer);
    }
    expect(sha(Buffer.concat(parts))).toBe(sha(data));
    expect(local.readStatistics()).toEqual({ bytesRead: data.length, shortCircuitBytesRead: BLOCK });
  });
});

async function waitForFsck(file: string, check: (report: FsckReport__Output) => boolean): Promise<FsckReport__Output> {
  let report: FsckReport__Output | undefined;
  await waitFor(async () => {
    report = await client().fsck(file);
    return check(report);
  });
  return report!;
}
