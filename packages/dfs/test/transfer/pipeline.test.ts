// Block writes through a pipeline of three real datanodes, and block reads back.
import { status } from '@grpc/grpc-js';
import {
  AlreadyExistsError,
  DataLossError,
  InvalidArgumentError,
  NotFoundError,
  TsmrError,
  UnauthenticatedError,
} from '@tsmr/common';
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { BlockWriter, PipelineError, closeTransferClients, readBlock } from '../../src/transfer';
import { computeChecksums, encodeMetaHeader } from '../../src/transfer/checksum';
import { PipelineStream } from '../../src/transfer/pipeline-stream';
import type { Datanode } from '../../src/datanode';
import { startCluster, waitFor, type TestCluster } from '../datanode/helpers';

const BPC = 65536;
const MiB = 1024 * 1024;

async function readAll(node: Datanode, blockId: string, offset = 0, length = 0, secret?: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readBlock({ address: node.address, streamAddress: node.streamAddress, blockId, offset, length, secret })) parts.push(part);
  return Buffer.concat(parts);
}

/** Writes `data` in uneven pieces, so packets are cut across write() calls. */
async function writeBlock(cluster: TestCluster, blockId: string, data: Buffer, bytesPerChecksum = BPC): Promise<BlockWriter> {
  const writer = new BlockWriter({ blockId, pipeline: cluster.infos(), bytesPerChecksum, clientName: 'test' });
  const pieces = [1, 777, 65536, 300_000, 2 * MiB + 5];
  for (let offset = 0, i = 0; offset < data.length; i++) {
    const n = pieces[i % pieces.length]!;
    await writer.write(data.subarray(offset, offset + n));
    offset += n;
  }
  await writer.finish();
  return writer;
}

async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

let nextBlock = 1;
const newBlockId = () => `blk_${nextBlock++}`;

describe('block pipeline', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startCluster(3);
  });
  afterAll(async () => {
    await cluster.stop();
    closeTransferClients();
  });

  it.each([0, 1, BPC - 1, BPC, BPC + 1, 3 * MiB + 12_345])('round-trips a %d-byte block through three datanodes', async (size) => {
    const blockId = newBlockId();
    const data = randomBytes(size);
    const writer = await writeBlock(cluster, blockId, data);
    expect(writer.bytesWritten).toBe(size);
    for (const [i, dir] of cluster.dirs.entries()) {
      const stored = await readFile(path.join(dir, 'current', blockId));
      expect(stored.equals(data)).toBe(true);
      const meta = await readFile(path.join(dir, 'current', `${blockId}.meta`));
      expect(meta.equals(Buffer.concat([encodeMetaHeader(BPC), computeChecksums(data, BPC)]))).toBe(true);
      expect((await readAll(cluster.datanodes[i]!, blockId)).equals(data)).toBe(true);
      expect(await listDir(path.join(dir, 'tmp'))).toEqual([]);
    }
  });

  it('has every datanode report BlockReceived before finish() resolves', async () => {
    const blockId = newBlockId();
    const data = randomBytes(200_000);
    await writeBlock(cluster, blockId, data);
    const reports = cluster.namenode.received.filter((r) => r.blockId === blockId);
    expect(reports.map((r) => r.datanodeId).sort()).toEqual(cluster.infos().map((d) => d.datanodeId).sort());
    expect(reports.every((r) => r.length === data.length)).toBe(true);
  });

  it('works with small checksum chunks', async () => {
    const blockId = newBlockId();
    const data = randomBytes(1.5 * MiB + 3);
    await writeBlock(cluster, blockId, data, 512);
    const meta = await readFile(path.join(cluster.dirs[2]!, 'current', `${blockId}.meta`));
    expect(meta.readUInt32BE(4)).toBe(512);
    expect((await readAll(cluster.datanodes[2]!, blockId, 1000, 700_001)).equals(data.subarray(1000, 701_001))).toBe(true);
  });

  it('reads exact ranges at odd offsets, across read buffers', async () => {
    const blockId = newBlockId();
    const data = randomBytes(9 * MiB + 123);
    await writeBlock(cluster, blockId, data);
    const node = cluster.datanodes[1]!;
    const ranges: Array<[number, number]> = [
      [0, 1],
      [1, 10],
      [BPC - 1, 2],
      [BPC, BPC],
      [3 * BPC + 17, 5 * MiB],
      [4 * MiB - 1, 4 * MiB + 3],
      [data.length - 1, 1],
      [12_345, 0],
      [data.length, 0],
    ];
    for (const [offset, length] of ranges) {
      const expected = data.subarray(offset, length === 0 ? data.length : offset + length);
      expect((await readAll(node, blockId, offset, length)).equals(expected)).toBe(true);
    }
  });

  it('refuses a range past the end of the block', async () => {
    const blockId = newBlockId();
    await writeBlock(cluster, blockId, randomBytes(1000));
    const node = cluster.datanodes[0]!;
    await expect(readAll(node, blockId, 1001, 0)).rejects.toMatchObject({ code: status.OUT_OF_RANGE });
    await expect(readAll(node, blockId, 500, 501)).rejects.toMatchObject({ code: status.OUT_OF_RANGE });
    await expect(readAll(node, blockId, -1, 1)).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('answers NOT_FOUND for an unknown block and INVALID_ARGUMENT for a forged id', async () => {
    const node = cluster.datanodes[0]!;
    await expect(readAll(node, 'blk_999999')).rejects.toBeInstanceOf(NotFoundError);
    for (const forged of ['../../etc/passwd', 'blk_1/../../datanode-id', 'blk_01', 'blk_1.meta', '']) {
      await expect(readAll(node, forged)).rejects.toBeInstanceOf(InvalidArgumentError);
    }
  });

  it('refuses to write a forged block id and creates nothing on disk', async () => {
    const before = await Promise.all(cluster.dirs.map((dir) => Promise.all([listDir(dir), listDir(path.join(dir, 'current'))])));
    for (const forged of ['../../evil', 'blk_0', 'blk_1/../x', 'current']) {
      const writer = new BlockWriter({ blockId: forged, pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
      const failure = writer.finish();
      await expect(failure).rejects.toBeInstanceOf(PipelineError);
      await expect(failure).rejects.toMatchObject({ cause: expect.any(InvalidArgumentError) });
    }
    const after = await Promise.all(cluster.dirs.map((dir) => Promise.all([listDir(dir), listDir(path.join(dir, 'current'))])));
    expect(after).toEqual(before);
    for (const dir of cluster.dirs) expect(await listDir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('refuses to overwrite a finalized block (ALREADY_EXISTS) and keeps it intact', async () => {
    const blockId = newBlockId();
    const data = randomBytes(5000);
    await writeBlock(cluster, blockId, data);
    const writer = new BlockWriter({ blockId, pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
    await writer.write(randomBytes(100)).catch(() => undefined);
    const failure = writer.finish();
    await expect(failure).rejects.toMatchObject({ cause: expect.any(AlreadyExistsError), failedDatanodeId: cluster.datanodes[0]!.datanodeId });
    await expect(writer.write(Buffer.from('x'))).rejects.toThrow();
    expect((await readAll(cluster.datanodes[2]!, blockId)).equals(data)).toBe(true);
  });

  it('fails a packet with a bad checksum with DATA_LOSS and keeps nothing', async () => {
    const blockId = newBlockId();
    const stream = new PipelineStream({ blockId, pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
    const data = randomBytes(BPC * 2);
    const checksums = computeChecksums(data, BPC);
    checksums[5]! ^= 0xff;
    const acked = stream.send({ seqno: 0, offset: 0, data, checksums, last: true });
    await expect(acked).rejects.toMatchObject({ cause: expect.any(DataLossError) });
    for (const dir of cluster.dirs) {
      await waitFor(async () => (await listDir(path.join(dir, 'tmp'))).length === 0);
      expect(await listDir(path.join(dir, 'current'))).not.toContain(blockId);
    }
  });

  it('fails a packet out of order, or a malformed one, with INVALID_ARGUMENT and keeps nothing', async () => {
    const data = randomBytes(BPC);
    const outOfOrder = new PipelineStream({ blockId: newBlockId(), pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
    await expect(outOfOrder.send({ seqno: 1, offset: 0, data, checksums: computeChecksums(data, BPC), last: true })).rejects.toMatchObject({
      cause: expect.any(InvalidArgumentError),
      failedDatanodeId: cluster.datanodes[0]!.datanodeId,
    });
    // A frame too short to hold a packet header, sent as a datanode forwards what it received.
    const garbage = new PipelineStream({ blockId: newBlockId(), pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
    const received = Buffer.from('\0\0\0\0\0garbage').subarray(5);
    await expect(garbage.send({ seqno: 0, offset: 0, data: received, checksums: Buffer.alloc(0), last: true }, received)).rejects.toMatchObject({
      cause: expect.any(InvalidArgumentError),
    });
    for (const dir of cluster.dirs) {
      await waitFor(async () => (await listDir(path.join(dir, 'tmp'))).length === 0);
    }
  });

  it('discards the partial block everywhere when the writer aborts', async () => {
    const blockId = newBlockId();
    const writer = new BlockWriter({ blockId, pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
    await writer.write(randomBytes(3 * MiB));
    await waitFor(async () => (await listDir(path.join(cluster.dirs[2]!, 'tmp'))).includes(blockId));
    writer.abort();
    await expect(writer.finish()).rejects.toThrow();
    for (const dir of cluster.dirs) {
      await waitFor(async () => (await listDir(path.join(dir, 'tmp'))).length === 0);
      expect(await listDir(path.join(dir, 'current'))).not.toContain(blockId);
    }
  });

  it('names the first datanode when it cannot be reached', async () => {
    const writer = new BlockWriter({
      blockId: newBlockId(),
      pipeline: [{ datanodeId: 'gone', address: '127.0.0.1:1', streamAddress: '127.0.0.1:1' }, ...cluster.infos()],
      bytesPerChecksum: BPC,
      clientName: 'test',
    });
    await writer.write(randomBytes(10)).catch(() => undefined);
    await expect(writer.finish()).rejects.toMatchObject({ failedDatanodeId: 'gone', code: status.UNAVAILABLE });
  });

  it('fails at a datanode that has no block stream', async () => {
    const [first] = cluster.infos();
    const writer = new BlockWriter({
      blockId: newBlockId(),
      pipeline: [first!, { datanodeId: 'streamless', address: '127.0.0.1:1', streamAddress: '' }],
      bytesPerChecksum: BPC,
      clientName: 'test',
    });
    await writer.write(randomBytes(100)).catch(() => undefined);
    await expect(writer.finish()).rejects.toMatchObject({ failedDatanodeId: 'streamless', message: expect.stringContaining('no block stream') });
  });

  it('fails at a datanode that takes the write but never acks, once the ack timeout passes', async () => {
    const mute = net.createServer((socket) => socket.resume()); // reads everything, answers nothing
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    try {
      const streamAddress = `127.0.0.1:${(mute.address() as net.AddressInfo).port}`;
      const writer = new BlockWriter({
        blockId: newBlockId(),
        pipeline: [{ datanodeId: 'mute', address: '127.0.0.1:1', streamAddress }],
        bytesPerChecksum: BPC,
        clientName: 'test',
        ackTimeoutMs: 300,
      });
      await writer.write(randomBytes(100));
      await expect(writer.finish()).rejects.toMatchObject({ failedDatanodeId: 'mute', message: expect.stringContaining('no ack for 0.3 s') });
    } finally {
      await new Promise((resolve) => mute.close(resolve));
    }
  });

  /** A writer to two live datanodes, then one that cannot be reached. */
  function writerToUnreachableThird(): BlockWriter {
    const [first, second] = cluster.infos();
    return new BlockWriter({
      blockId: newBlockId(),
      pipeline: [first!, second!, { datanodeId: 'unreachable-third', address: '127.0.0.1:1', streamAddress: '127.0.0.1:1' }],
      bytesPerChecksum: BPC,
      clientName: 'test',
    });
  }

  it('names an unreachable downstream datanode in the failure', async () => {
    const writer = writerToUnreachableThird();
    await writer.write(randomBytes(100)).catch(() => undefined);
    await expect(writer.finish()).rejects.toMatchObject({ failedDatanodeId: 'unreachable-third' });
  });

  it('names the failed downstream datanode though the writer keeps sending', async () => {
    for (let i = 0; i < 5; i++) {
      const writer = writerToUnreachableThird();
      const writing = (async () => {
        for (let n = 0; n < 64; n++) await writer.write(randomBytes(MiB));
        await writer.finish();
      })();
      await expect(writing).rejects.toMatchObject({ failedDatanodeId: 'unreachable-third' });
    }
  });
});

describe('a datanode dying mid-write', () => {
  it('fails the write with a PipelineError naming it and leaves no finalized block on the others', async () => {
    const cluster = await startCluster(3);
    try {
      const blockId = 'blk_77';
      const middle = cluster.datanodes[1]!;
      const writer = new BlockWriter({ blockId, pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
      await writer.write(randomBytes(2 * MiB));
      await waitFor(async () => (await listDir(path.join(cluster.dirs[2]!, 'tmp'))).includes(blockId));
      await middle.stop();
      const failure = (async () => {
        for (let i = 0; i < 100; i++) await writer.write(randomBytes(MiB));
        await writer.finish();
      })();
      await expect(failure).rejects.toBeInstanceOf(PipelineError);
      await expect(failure).rejects.toMatchObject({ failedDatanodeId: middle.datanodeId });
      for (const i of [0, 2]) {
        const dir = cluster.dirs[i]!;
        await waitFor(async () => (await listDir(path.join(dir, 'tmp'))).length === 0);
        expect(await listDir(path.join(dir, 'current'))).toEqual([]);
      }
      cluster.datanodes.splice(1, 1);
    } finally {
      await cluster.stop();
      closeTransferClients();
    }
  });
});

describe('with a cluster secret', () => {
  let cluster: TestCluster;
  const secret = 's3cret';

  beforeAll(async () => {
    cluster = await startCluster(2, { secret });
  });
  afterAll(async () => {
    await cluster.stop();
    closeTransferClients();
  });

  it('writes and reads when given the secret (datanodes forward it downstream)', async () => {
    const data = randomBytes(100_000);
    const writer = new BlockWriter({ blockId: 'blk_5', pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test', secret });
    await writer.write(data);
    await writer.finish();
    expect((await readAll(cluster.datanodes[1]!, 'blk_5', 0, 0, secret)).equals(data)).toBe(true);
  });

  it('refuses reads and writes without it', async () => {
    await expect(readAll(cluster.datanodes[0]!, 'blk_5')).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(readAll(cluster.datanodes[0]!, 'blk_5', 0, 0, 'wrong')).rejects.toBeInstanceOf(UnauthenticatedError);
    const writer = new BlockWriter({ blockId: 'blk_6', pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
    await expect(writer.finish()).rejects.toMatchObject({ cause: expect.any(UnauthenticatedError) });
    for (const dir of cluster.dirs) expect(await listDir(path.join(dir, 'current'))).not.toContain('blk_6');
  });
});

describe('bytes per checksum', () => {
  it('must match the cluster setting once the datanode knows it', async () => {
    const cluster = await startCluster(1);
    try {
      cluster.namenode.bytesPerChecksum = 4096;
      await cluster.restart(0);
      await waitFor(() => cluster.namenode.registrations.length >= 2);
      const writer = new BlockWriter({ blockId: 'blk_9', pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' });
      await expect(writer.finish()).rejects.toMatchObject({ cause: expect.any(TsmrError) });
      await expect(
        new BlockWriter({ blockId: 'blk_9', pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test' }).finish(),
      ).rejects.toMatchObject({ cause: { code: status.INVALID_ARGUMENT } });
      const ok = new BlockWriter({ blockId: 'blk_9', pipeline: cluster.infos(), bytesPerChecksum: 4096, clientName: 'test' });
      await ok.write(randomBytes(10_000));
      await ok.finish();
    } finally {
      await cluster.stop();
      closeTransferClients();
    }
  });
});
