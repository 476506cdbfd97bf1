// The namenode as a daemon: options, the cluster secret, safe mode, lease expiry.
import { AlreadyExistsError, InvalidArgumentError, UnauthenticatedError, namenodeProto, unaryClient, silentLogger } from '@tsmr/common';
import { namenodeOptionsSchema, startNamenode } from '../../src/namenode';
import { eventually, FakeDatanode, startDatanodes, startTestNamenode, stopAll, tempDir, writeFile } from './harness';

jest.setTimeout(30_000);
afterEach(stopAll);

describe('options', () => {
  it('applies defaults and parses units', () => {
    expect(namenodeOptionsSchema.parse({ dir: '/tmp/x', heartbeatInterval: '250ms', defaultBlockSize: '1MB' })).toEqual({
      dir: '/tmp/x',
      host: '127.0.0.1',
      port: 0,
      secret: undefined,
      defaultReplication: 3,
      defaultBlockSize: 1024 * 1024,
      bytesPerChecksum: 64 * 1024,
      heartbeatIntervalMs: 250,
      deadNodeTimeoutMs: 30_000,
      blockReportIntervalMs: 6 * 3600_000,
      leaseTimeoutMs: 60_000,
      safeModeThreshold: 0.999,
    });
  });

  it('refuses bad options, naming them', async () => {
    const start = (options: object) => startNamenode({ dir: tempDir(), ...options }, silentLogger());
    await expect(start({ defaultBlockSize: '1000', bytesPerChecksum: '1KB' })).rejects.toThrow(
      /defaultBlockSize: defaultBlockSize must be a multiple of bytesPerChecksum/,
    );
    await expect(start({ heartbeatInterval: 'soon' })).rejects.toThrow(InvalidArgumentError);
    await expect(start({ heartbeatInterval: 'soon' })).rejects.toThrow(/heartbeatInterval: /);
    await expect(start({ safeModeThreshold: 2 })).rejects.toThrow(/safeModeThreshold/);
  });
});

describe('cluster secret', () => {
  it('refuses calls without the secret', async () => {
    const nn = await startTestNamenode({ secret: 's3cret' });
    expect(await nn.client.Stat({ path: '/' })).toMatchObject({ path: '/' });
    await expect(nn.connect('').Stat({ path: '/' })).rejects.toThrow(UnauthenticatedError);
    await expect(nn.connect('wrong').Stat({ path: '/' })).rejects.toThrow(UnauthenticatedError);
    const datanode = unaryClient(namenodeProto().DatanodeProtocol, nn.namenode.address);
    try {
      await expect(datanode.api.Heartbeat({ datanodeId: 'x' })).rejects.toThrow(UnauthenticatedError);
    } finally {
      datanode.close();
    }
    const withSecret = new FakeDatanode(nn.namenode.address, undefined, undefined, 's3cret');
    await withSecret.register();
  });
});

describe('safe mode', () => {
  it('is left at once when there are no blocks', async () => {
    const nn = await startTestNamenode();
    expect(await nn.client.GetClusterReport({})).toMatchObject({ safeMode: false, safeModeReason: '' });
    await nn.client.Mkdirs({ path: '/a' });
  });

  it('is left as soon as the threshold is reached, and only then replicates', async () => {
    const nn = await startTestNamenode();
    const datanodes = await startDatanodes(nn.namenode.address, 3);
    const first = await writeFile(nn.client, datanodes, '/a', [10], 1);
    const holderOf = (blockId: string) => datanodes.find((d) => d.blocks.has(blockId))!;
    const early = holderOf(first[0]!);
    await writeFile(nn.client, datanodes, '/b', [10], 1, [early.id]);
    await nn.client.SetReplication({ path: '/a', replication: 2 });
    await nn.stop();
    for (const d of datanodes) d.stopHeartbeats();

    const restarted = await startTestNamenode({ dir: nn.dir, safeModeThreshold: 1 });
    // The holder of /a's block and an empty datanode come back: 1 of 2 blocks reported.
    const empty = datanodes.find((d) => d.blocks.size === 0)!;
    for (const d of [early, empty]) {
      d.commands.length = 0;
      d.connect(restarted.namenode.address);
      await d.start();
    }
    const report = await restarted.client.GetClusterReport({});
    expect(report).toMatchObject({ safeMode: true, safeModeReason: '1 of 2 blocks reported; waiting for 100%' });
    await expect(restarted.client.Delete({ path: '/a' })).rejects.toThrow(/namenode is in safe mode: 1 of 2 blocks reported/);
    // /a wants 2 replicas and has 1, and could be copied to the empty datanode, but
    // nothing is replicated in safe mode.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(early.replicateCommands()).toEqual([]);

    const late = datanodes.find((d) => d !== early && d !== empty)!;
    late.connect(restarted.namenode.address);
    await late.start();
    await eventually('safe mode to end', async () => !(await restarted.client.GetClusterReport({})).safeMode);
    await eventually('/a to be replicated', () => early.replicateCommands().some((c) => c.blockId === first[0]));
    await restarted.client.Delete({ path: '/a' });
  });
  it('after a restart, waits a dead-node timeout before replicating what was not reported', async () => {
    const nn = await startTestNamenode({ deadNodeTimeout: '2s' });
    const datanodes = await startDatanodes(nn.namenode.address, 3);
    const [blockId] = await writeFile(nn.client, datanodes, '/f', [10], 2);
    await nn.stop();
    for (const d of datanodes) d.stopHeartbeats();

    const restartedAt = Date.now();
    const restarted = await startTestNamenode({ dir: nn.dir, deadNodeTimeout: '2s' });
    // One holder and the datanode without the block come back; the other holder is late.
    const holder = datanodes.find((d) => d.blocks.has(blockId!))!;
    const empty = datanodes.find((d) => !d.blocks.has(blockId!))!;
    for (const d of [holder, empty]) {
      d.commands.length = 0;
      d.connect(restarted.namenode.address);
      await d.start();
    }
    expect((await restarted.client.GetClusterReport({})).safeMode).toBe(false);
    await eventually('the block to be replicated', () => holder.replicateCommands().length > 0);
    expect(Date.now() - restartedAt).toBeGreaterThanOrEqual(2000);
    expect(holder.replicateCommands()).toEqual([{ blockId, targets: [empty.id] }]);
  });
});

describe('leases', () => {
  it('deletes a file whose writer stopped renewing, with its blocks', async () => {
    const nn = await startTestNamenode({ leaseTimeout: '500ms' });
    const datanodes = await startDatanodes(nn.namenode.address, 3);
    await nn.client.Create({ path: '/dir/f', clientName: 'dead-writer', replication: 1, createParent: true });
    const block = await nn.client.AddBlock({ path: '/dir/f', clientName: 'dead-writer' });
    const holder = datanodes.find((d) => d.id === block.locations[0]!.datanodeId)!;
    await holder.receive(block.blockId, 10);
    await expect(nn.client.Create({ path: '/dir/f', clientName: 'next' })).rejects.toThrow(AlreadyExistsError);

    await eventually('the lease to expire', async () => {
      try {
        await nn.client.Create({ path: '/dir/f', clientName: 'next' });
        return true;
      } catch (err) {
        if (err instanceof AlreadyExistsError) return false;
        throw err;
      }
    });
    await eventually('the block to be invalidated', () => holder.invalidated().includes(block.blockId));
    await expect(nn.client.AddBlock({ path: '/dir/f', clientName: 'dead-writer' })).rejects.toThrow(/being written by next, not dead-writer/);
  });

  it('keeps a renewed lease', async () => {
    const nn = await startTestNamenode({ leaseTimeout: '300ms' });
    await startDatanodes(nn.namenode.address, 1);
    await nn.client.Create({ path: '/f', clientName: 'alive', replication: 1 });
    const renewUntil = Date.now() + 1500;
    while (Date.now() < renewUntil) {
      await nn.client.RenewLease({ clientName: 'alive' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect(nn.client.Create({ path: '/f', clientName: 'other', replication: 1 })).rejects.toThrow(/being written by alive/);
    const block = await nn.client.AddBlock({ path: '/f', clientName: 'alive' });
    expect(block.blockId).toMatch(/^blk_/);
  });
});
