// Where new replicas go (HDFS's BlockPlacementPolicy, without racks): the favored datanode
// first when it is a candidate, then the least loaded (fewest active transfers, then most
// free space, random among equals).
import type { DatanodeDescriptor } from './datanode-manager';

export interface PlacementRequest {
  /** How many distinct datanodes are wanted. */
  count: number;
  /** Taken first when it is a candidate: the datanode beside the writer. */
  favored?: string;
  /** Ids that must not be chosen: failed in the client's pipeline, or already holding the block. */
  excluded: ReadonlySet<string>;
  /** A datanode with less free space than this is not a candidate. */
  blockSize: number;
}

/** Up to `count` distinct datanodes from `live`; fewer when fewer are candidates. */
export function chooseTargets(live: readonly DatanodeDescriptor[], request: PlacementRequest): DatanodeDescriptor[] {
  const candidates = live.filter((node) => !request.excluded.has(node.id) && node.remaining >= request.blockSize);
  const favored = candidates.find((node) => node.id === request.favored);
  const others = shuffle(candidates.filter((node) => node !== favored));
  // Array.prototype.sort is stable, so the shuffle breaks ties at random.
  others.sort((a, b) => a.load - b.load || b.remaining - a.remaining);
  return (favored ? [favored, ...others] : others).slice(0, Math.max(0, request.count));
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
