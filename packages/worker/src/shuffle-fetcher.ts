// The reduce side of the shuffle (Hadoop's Fetcher): a reduce attempt's partition from
// every map's worker, at most MAX_PARALLEL_FETCHES at once, each tried twice. Maps whose
// output could not be fetched are named in a FetchFailedError, so the master re-runs them.
import {
  describeError,
  fromServiceError,
  isServiceError,
  secretMetadata,
  sleep,
  streamingClient,
  workerProto,
  type MapOutputLocation__Output,
  type ShuffleChunk__Output,
  type ShuffleClient,
} from '@tsmr/common';

const MAX_PARALLEL_FETCHES = 5;
const RETRY_DELAY_MS = 500;

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
  /** One segment per map, in map-index order; each owns its memory (transferable). */
  segments: Buffer[];
  /** REDUCE_SHUFFLE_BYTES. */
  bytes: number;
}

export class ShuffleFetcher {
  private readonly clients = new Map<string, ShuffleClient>();

  constructor(private readonly secret: string | undefined) {}

  async fetchPartition(
    jobId: string,
    partition: number,
    locations: readonly MapOutputLocation__Output[],
    signal: AbortSignal,
  ): Promise<FetchedPartition> {
    const ordered = [...locations].sort((a, b) => a.mapIndex - b.mapIndex);
    const segments: Buffer[] = new Array<Buffer>(ordered.length);
    const failures: Array<{ map: number; error: string }> = [];
    let next = 0;
    const fetcher = async () => {
      while (next < ordered.length && !signal.aborted) {
        const i = next++;
        const location = ordered[i] as MapOutputLocation__Output;
        try {
          segments[i] = await this.fetchWithRetry(jobId, partition, location, signal);
        } catch (err) {
          signal.throwIfAborted();
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

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private async fetchWithRetry(jobId: string, partition: number, location: MapOutputLocation__Output, signal: AbortSignal): Promise<Buffer> {
    try {
      return await this.fetch(jobId, partition, location, signal);
    } catch {
      signal.throwIfAborted();
      await sleep(RETRY_DELAY_MS);
      return this.fetch(jobId, partition, location, signal);
    }
  }

  private async fetch(jobId: string, partition: number, location: MapOutputLocation__Output, signal: AbortSignal): Promise<Buffer> {
    signal.throwIfAborted();
    const call = this.client(location.shuffleAddress).FetchPartition(
      { jobId, mapAttemptId: location.attemptId, partition },
      secretMetadata(this.secret),
    );
    const cancel = () => call.cancel();
    signal.addEventListener('abort', cancel);
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of call as AsyncIterable<ShuffleChunk__Output>) {
        chunks.push(chunk.data);
        length += chunk.data.length;
      }
    } catch (err) {
      throw isServiceError(err) ? fromServiceError(err, `shuffle ${location.shuffleAddress}`) : err;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    // One buffer that owns its memory, so it can be moved to the reduce's thread.
    const segment = Buffer.allocUnsafeSlow(length);
    let offset = 0;
    for (const chunk of chunks) offset += chunk.copy(segment, offset);
    return segment;
  }

  private client(address: string): ShuffleClient {
    let client = this.clients.get(address);
    if (client === undefined) {
      client = streamingClient(workerProto().Shuffle, address);
      this.clients.set(address, client);
    }
    return client;
  }
}
