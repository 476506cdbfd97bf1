// The reduce side of the shuffle (Hadoop's Fetcher): a reduce attempt's partition from
// every map's worker (over its shuffle stream), at most MAX_PARALLEL_FETCHES at once, each
// tried twice. Maps whose output could not be fetched are named in a FetchFailedError, so
// the master re-runs them.
// Fetched segments are held in memory up to the shuffle buffer; a segment that would pass
// it, or is larger than a quarter of it on its own (as Hadoop's single-shuffle limit),
// goes to a file in the attempt's scratch dir instead, written as it arrives.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeError, readFrameStream, sleep, type MapOutputLocation__Output } from '@tsmr/common';
import { SHUFFLE_STREAM, type ShuffleRequest } from './shuffle-service';
import type { ShuffledSegment } from './task-protocol';

/** Where one fetch may put its segment. */
interface FetchTarget {
  budget: MemoryBudget;
  /** The file it goes to if it does not stay in memory. */
  file: string;
  signal: AbortSignal;
}

const MAX_PARALLEL_FETCHES = 5;
/** A map's worker silent this long is given up on (Hadoop's mapreduce.reduce.shuffle.read.timeout). */
const READ_TIMEOUT_MS = 180_000;
const RETRY_DELAY_MS = 500;
/** A single segment larger than this share of the shuffle buffer goes to disk. */
const SINGLE_SEGMENT_SHARE = 0.25;

/**
 * This worker could not keep a fetched segment (its disk is full, say). Not the map's
 * fault: re-running maps would not help, so the attempt fails as itself.
 */
class LocalShuffleError extends Error {
  constructor(cause: unknown) {
    super(`cannot keep shuffled map output on this worker's disk: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'LocalShuffleError';
  }
}

export class FetchFailedError extends Error {
  constructor(
    readonly maps: number[],
    message: string,
  ) {
    super(message);
    this.name = 'FetchFailedError';
  }
}

export interface FetchedPartition {
  /** One segment per map, in map-index order. */
  segments: ShuffledSegment[];
  /** REDUCE_SHUFFLE_BYTES. */
  bytes: number;
}

/** Room left in one reduce attempt's shuffle buffer. */
class MemoryBudget {
  constructor(private free: number) {}

  /** Takes `bytes` if they fit. */
  take(bytes: number): boolean {
    if (bytes > this.free) return false;
    this.free -= bytes;
    return true;
  }

  give(bytes: number): void {
    this.free += bytes;
  }
}

export interface ShuffleFetcherOptions {
  secret: string | undefined;
  /** Map output one reduce attempt holds in memory; more goes to disk. */
  shuffleBufferBytes: number;
}

export class ShuffleFetcher {
  constructor(private readonly options: ShuffleFetcherOptions) {}

  /** The partition from every map; segments that go to disk are written under `scratch`. */
  async fetchPartition(
    jobId: string,
    partition: number,
    locations: readonly MapOutputLocation__Output[],
    scratch: string,
    signal: AbortSignal,
  ): Promise<FetchedPartition> {
    const ordered = [...locations].sort((a, b) => a.mapIndex - b.mapIndex);
    const budget = new MemoryBudget(this.options.shuffleBufferBytes);
    await fs.mkdir(scratch, { recursive: true });
    const segments: ShuffledSegment[] = new Array<ShuffledSegment>(ordered.length);
    const failures: Array<{ map: number; error: string }> = [];
    let next = 0;
    const fetcher = async () => {
      while (next < ordered.length && !signal.aborted) {
        const i = next++;
        const location = ordered[i] as MapOutputLocation__Output;
        try {
          const file = path.join(scratch, `shuffle-m-${String(location.mapIndex).padStart(6, '0')}`);
          segments[i] = await this.fetchWithRetry(jobId, partition, location, { budget, file, signal });
        } catch (err) {
          signal.throwIfAborted();
          if (err instanceof LocalShuffleError) throw err;
          failures.push({ map: location.mapIndex, error: `${location.attemptId} at ${location.shuffleAddress}: ${describeError(err)}` });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL_FETCHES, ordered.length) }, fetcher));
    signal.throwIfAborted();
    if (failures.length > 0) {
      const maps = failures.map((f) => f.map).sort((a, b) => a - b);
      throw new FetchFailedError(maps, `could not fetch the output of map ${maps.join(', ')}: ${failures.map((f) => f.error).join('; ')}`);
    }
    return { segments, bytes: segments.reduce((sum, s) => sum + s.length, 0) };
  }

  private async fetchWithRetry(jobId: string, partition: number, location: MapOutputLocation__Output, to: FetchTarget): Promise<ShuffledSegment> {
    try {
      return await this.fetch(jobId, partition, location, to);
    } catch (err) {
      to.signal.throwIfAborted();
      if (err instanceof LocalShuffleError) throw err;
      await sleep(RETRY_DELAY_MS);
      return this.fetch(jobId, partition, location, to);
    }
  }

  private async fetch(jobId: string, partition: number, location: MapOutputLocation__Output, to: FetchTarget): Promise<ShuffledSegment> {
    const { signal, budget } = to;
    const request: ShuffleRequest = { jobId, mapAttemptId: location.attemptId, partition, secret: this.options.secret ?? '' };
    const singleLimit = this.options.shuffleBufferBytes * SINGLE_SEGMENT_SHARE;
    const chunks: Buffer[] = [];
    let inMemory = 0;
    let length = 0;
    let file: fs.FileHandle | undefined;
    try {
      for await (const data of readFrameStream(location.shuffleAddress, SHUFFLE_STREAM, request, signal, READ_TIMEOUT_MS)) {
        length += data.length;
        if (file === undefined && length <= singleLimit && budget.take(data.length)) {
          chunks.push(data);
          inMemory += data.length;
          continue;
        }
        try {
          if (file === undefined) {
            // Past the budget: what came so far, and all that follows, goes to disk.
            file = await fs.open(to.file, 'w');
            for (const held of chunks) await file.write(held);
            chunks.length = 0;
            budget.give(inMemory);
            inMemory = 0;
          }
          await file.write(data);
        } catch (err) {
          throw new LocalShuffleError(err);
        }
      }
      await file?.close();
    } catch (err) {
      budget.give(inMemory);
      // Best effort: the error that matters is the one being thrown.
      await file?.close().catch(() => undefined);
      await fs.rm(to.file, { force: true }).catch(() => undefined);
      throw err;
    }
    if (file !== undefined) return { file: to.file, length };
    // One buffer that owns its memory, so it can be moved to the reduce's thread.
    const bytes = Buffer.allocUnsafeSlow(length);
    let offset = 0;
    for (const chunk of chunks) offset += chunk.copy(bytes, offset);
    return { bytes, length };
  }
}
