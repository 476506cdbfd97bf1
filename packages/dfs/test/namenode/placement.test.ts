// Where AddBlock puts a new block: distinct datanodes, the favored one first, exclusions,
// the least loaded, and what happens when there are too few datanodes.
import { UnavailableError } from '@tsmr/common';
import { DatanodeDescriptor } from '../../src/namenode/datanode-manager';
import { chooseTargets } from '../../src/namenode/placement';
import { FakeDatanode, startDatanodes, startTestNamenode, stopAll, type TestNamenode } from './harness';

jest.setTimeout(20_000);
afterEach(stopAll);

function node(id: string, load: number, remaining: number): DatanodeDescriptor {
  const descriptor = new DatanodeDescriptor(id, `${id}:1`, '', Date.now());
  descriptor.activeTransfers = load;
  descriptor.remaining = remaining;
  return descriptor;
}

describe('chooseTargets', () => {
  const nodes = [node('a', 2, 100), node('b', 0, 50), node('c', 0, 80), node('d', 1, 1000), node('e', 0, 5)];
  const ids = (chosen: DatanodeDescriptor[]) => chosen.map((n) => n.id);

  it('prefers the least loaded, then the most free space, and skips nodes without room', () => {
    expect(ids(chooseTargets(nodes, { count: 3, excluded: new Set(), blockSize: 10 }))).toEqual(['c', 'b', 'd']);
  });

  it('puts the favored datanode first and never picks an excluded one', () => {
    expect(ids(chooseTargets(nodes, { count: 2, favored: 'a', excluded: new Set(['c']), blockSize: 10 }))).toEqual(['a', 'b']);
    expect(ids(chooseTargets(nodes, { count: 2, favored: 'c', excluded: new Set(['c']), blockSize: 10 }))).toEqual(['b', 'd']);
  });

  it('returns fewer when fewer are candidates', () => {
    expect(ids(chooseTargets(nodes, { count: 5, excluded: new Set(['a', 'b']), blockSize: 60 }))).toEqual(['c', 'd']);
    expect(chooseTargets(nodes, { count: 3, excluded: new Set(), blockSize: 10_000 })).toEqual([]);
  });

  it('breaks ties at random', () => {
    const equal = [node('x', 0, 10), node('y', 0, 10), node('z', 0, 10)];
    const firsts = new Set(Array.from({ length: 200 }, () => chooseTargets(equal, { count: 1, excluded: new Set(), blockSize: 1 })[0]?.id));
    expect(firsts).toEqual(new Set(['x', 'y', 'z']));
  });
});

describe('AddBlock pipelines', () => {
  let nn: TestNamenode;
  let datanodes: FakeDatanode[];
  const clientName = 'writer';

  beforeEach(async () => {
    nn = await startTestNamenode();
    datanodes = await startDatanodes(nn.namenode.address, 4);
  });

  const pipeline = async (request: { favoredDatanode?: string; excludedDatanodes?: string[] } = {}) =>
    (await nn.client.AddBlock({ path: '/f', clientName, ...request })).locations.map((l) => l.datanodeId);

  it('gives `replication` distinct datanodes, the favored first, none excluded', async () => {
    await nn.client.Create({ path: '/f', clientName, replication: 3 });
    const favored = datanodes[3]!.id;
    const excluded = datanodes[0]!.id;
    const chosen = await pipeline({ favoredDatanode: favored, excludedDatanodes: [excluded] });
    expect(chosen).toHaveLength(3);
    expect(new Set(chosen).size).toBe(3);
    expect(chosen[0]).toBe(favored);
    expect(chosen).not.toContain(excluded);
  });

  it('gives what is available after exclusions, and UNAVAILABLE when nothing is', async () => {
    await nn.client.Create({ path: '/f', clientName, replication: 3 });
    const all = datanodes.map((d) => d.id);
    const block = await nn.client.AddBlock({ path: '/f', clientName, excludedDatanodes: all.slice(0, 3) });
    expect(block.locations.map((l) => l.datanodeId)).toEqual([all[3]]);
    await nn.client.AbandonBlock({ path: '/f', clientName, blockId: block.blockId });
    await expect(nn.client.AddBlock({ path: '/f', clientName, excludedDatanodes: all })).rejects.toThrow(UnavailableError);
    await expect(nn.client.AddBlock({ path: '/f', clientName, excludedDatanodes: all })).rejects.toThrow(/4 live, 4 excluded/);
  });

  it('spreads concurrent writers by counting just-assigned pipelines', async () => {
    // No heartbeat in between: only the namenode's own count of assigned pipelines differs.
    for (const d of datanodes) d.stopHeartbeats();
    const firsts: string[] = [];
    for (let i = 0; i < 4; i++) {
      await nn.client.Create({ path: `/f${i}`, clientName, replication: 1 });
      const block = await nn.client.AddBlock({ path: `/f${i}`, clientName });
      firsts.push(block.locations[0]!.datanodeId);
    }
    expect(new Set(firsts).size).toBe(4);
  });
});
