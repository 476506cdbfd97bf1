// The ShuffleHandler: serves one partition of a finished map attempt's output to a
// reducer over the worker's shuffle stream (a frame stream, see @tsmr/common
// frame-stream.ts; Hadoop serves map output over HTTP, not its RPC), in DATA frames of at
// most 1 MiB read straight from file.out.
import fs from 'node:fs';
import path from 'node:path';
import {
  FRAME_HEADER_BYTES,
  InvalidArgumentError,
  NotFoundError,
  TsmrError,
  checkAttemptId,
  checkJobId,
  type FrameSink,
} from '@tsmr/common';
import { status } from '@grpc/grpc-js';
import { z } from 'zod';
import { MAP_OUTPUT_FILE, readIndex } from './map-output-index';
import type { WorkDir } from './work-dir';

export const SHUFFLE_STREAM = 'shuffle';
const SHUFFLE_CHUNK_BYTES = 1 << 20;

export interface ShuffleRequest {
  jobId: string;
  mapAttemptId: string;
  partition: number;
  /** The cluster secret ('' when there is none). */
  secret: string;
}

export const shuffleRequestSchema: z.ZodType<ShuffleRequest> = z.object({
  jobId: z.string(),
  mapAttemptId: z.string(),
  partition: z.number().int().min(0),
  secret: z.string(),
});

/** Sends the partition the request names; NOT_FOUND for an attempt this worker has no output of. */
export async function servePartition(workDir: WorkDir, request: ShuffleRequest, sink: FrameSink): Promise<void> {
  const { jobId, mapAttemptId, partition } = request;
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
  const file = await fs.promises.open(path.join(dir, MAP_OUTPUT_FILE), 'r');
  try {
    for (let at = 0; at < segment.length; ) {
      const length = Math.min(SHUFFLE_CHUNK_BYTES, segment.length - at);
      // Room before the bytes for the frame header, so the chunk is sent as it was read.
      const chunk = Buffer.allocUnsafeSlow(FRAME_HEADER_BYTES + length).subarray(FRAME_HEADER_BYTES);
      const { bytesRead } = await file.read(chunk, 0, length, segment.offset + at);
      if (bytesRead < length) throw new TsmrError(status.INTERNAL, `${mapAttemptId}: its map output is shorter than its index says`);
      await Promise.race([sink.send(chunk), sink.gone]);
      at += length;
    }
    sink.end();
  } finally {
    await file.close();
  }
}
