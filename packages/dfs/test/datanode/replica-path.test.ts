// GetReplicaPath, which short-circuit readers ask for a local replica's files: answered
// for finalized replicas only, behind the block-id check and the cluster secret.
import { DataLossError, FailedPreconditionError, InvalidArgumentError, NotFoundError, UnauthenticatedError } from '@tsmr/common';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { getReplicaPath } from '../../src/client/local-block-reader';
import { BlockWriter, closeTransferClients, readBlock } from '../../src/transfer';
import { startCluster, waitFor, type TestCluster } from './helpers';

const SECRET = 'replica-path-secret';
const BPC = 4096;

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startCluster(1, { secret: SECRET });
});
afterAll(async () => {
  await cluster.stop();
  closeTransferClients();
});

const address = () => cluster.datanodes[0]!.address;
const ask = (blockId: string, secret = SECRET) => getReplicaPath({ address: address(), blockId, secret });

function writer(blockId: string): BlockWriter {
  return new BlockWriter({ blockId, pipeline: cluster.infos(), bytesPerChecksum: BPC, clientName: 'test', secret: SECRET });
}

it('names the files, length and chunk size of a finalized replica', async () => {
  const data = randomBytes(3 * BPC + 5);
  const w = writer('blk_1');
  await w.write(data);
  await w.finish();
  const located = await ask('blk_1');
  expect(located).toMatchObject({ length: data.length, bytesPerChecksum: BPC, metaPath: `${located.dataPath}.meta` });
  expect((await readFile(located.dataPath)).equals(data)).toBe(true);
});

it('refuses ids that are not block ids, before touching the disk', async () => {
  await expect(ask('../../etc/passwd')).rejects.toBeInstanceOf(InvalidArgumentError);
  await expect(ask('blk_0')).rejects.toBeInstanceOf(InvalidArgumentError);
});

it('refuses an unknown block and one still being written', async () => {
  await expect(ask('blk_404')).rejects.toBeInstanceOf(NotFoundError);
  const w = writer('blk_2');
  await w.write(randomBytes(2 * BPC));
  try {
    await waitFor(() => existsSync(path.join(cluster.dirs[0]!, 'tmp', 'blk_2')));
    await expect(ask('blk_2')).rejects.toBeInstanceOf(FailedPreconditionError);
  } finally {
    w.abort();
  }
});

it('refuses a replica known to be corrupt', async () => {
  const w = writer('blk_3');
  await w.write(randomBytes(2 * BPC));
  await w.finish();
  const { dataPath } = await ask('blk_3');
  const file = await open(dataPath, 'r+');
  await file.write(Buffer.from([0x55]), 0, 1, 10);
  await file.close();
  const reading = (async () => {
    const streamAddress = cluster.datanodes[0]!.streamAddress;
    for await (const _ of readBlock({ address: address(), streamAddress, blockId: 'blk_3', offset: 0, length: 0, secret: SECRET })) void _;
  })();
  await expect(reading).rejects.toBeInstanceOf(DataLossError);
  await expect(ask('blk_3')).rejects.toBeInstanceOf(DataLossError);
});

it('refuses a caller without the cluster secret', async () => {
  await expect(ask('blk_1', '')).rejects.toBeInstanceOf(UnauthenticatedError);
  await expect(ask('blk_1', 'wrong')).rejects.toBeInstanceOf(UnauthenticatedError);
});
