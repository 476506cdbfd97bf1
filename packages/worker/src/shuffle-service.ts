// The ShuffleHandler: serves one partition of a finished map attempt's output to a reducer,
// as a stream of chunks of at most 1 MiB read straight from file.out.
import fs from 'node:fs';
import path from 'node:path';
import type { ServerWritableStream } from '@grpc/grpc-js';
import {
  InvalidArgumentError,
  NotFoundError,
  checkAttemptId,
  checkJobId,
  type AsyncHandlers,
  type FetchRequest__Output,
  type ShuffleChunk,
  type ShuffleHandlers,
} from '@tsmr/common';
import { MAP_OUTPUT_FILE, readIndex } from './map-output-index';
import type { WorkDir } from './work-dir';

const SHUFFLE_CHUNK_BYTES = 1 << 20;

export type ShuffleMethods = AsyncHandlers<ShuffleHandlers>;

export function shuffleHandlers(workDir: WorkDir): ShuffleMethods {
  return {
    async FetchPartition(call: ServerWritableStream<FetchRequest__Output, ShuffleChunk>) {
      const { jobId, mapAttemptId, partition } = call.request;
      checkJobId(jobId);
      checkAttemptId(mapAttemptId);
      // attempt_<T>_<NNNN>_m_... belongs to job_<T>_<NNNN>.
      if (!mapAttemptId.startsWith(`attempt_${jobId.slice(4)}_m_`)) {
        throw new InvalidArgumentError(`${mapAttemptId} is not a map attempt of ${jobId}`);
      }
      const dir = workDir.mapOutput(jobId, mapAttemptId);
      const index = readIndex(dir);
      if (index === undefined) throw new NotFoundError(`no map output of ${mapAttemptId} on this worker`);
      const segment = index.partitions[partition];
      if (segment === undefined) {
        throw new InvalidArgumentError(`partition ${partition} out of range: ${mapAttemptId} has ${index.partitions.length}`);
      }
      // Fetches keep the output alive: the janitor removes outputs unused for a while.
      const now = new Date();
      await fs.promises.utimes(dir, now, now).catch(() => undefined);
      if (segment.length === 0) {
        call.end();
        return;
      }
      const file = fs.createReadStream(path.join(dir, MAP_OUTPUT_FILE), {
        start: segment.offset,
        end: segment.offset + segment.length - 1,
        highWaterMark: SHUFFLE_CHUNK_BYTES,
      });
      call.on('cancelled', () => file.destroy());
      for await (const data of file as AsyncIterable<Buffer>) {
        if (!call.write({ data })) await drainedOrCancelled(call);
        if (call.cancelled) return;
      }
      call.end();
    },
  };
}

function drainedOrCancelled(call: ServerWritableStream<FetchRequest__Output, ShuffleChunk>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
  });
}
