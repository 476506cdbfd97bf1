// Task output into the DFS: the text a task thread wrote locally is copied to
// OUTPUT/_temporary/<attemptId>/part-{m|r}-NNNNN, where the master's commit finds it.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { joinPath, normalizePath, type DfsClient } from '@tsmr/dfs';

/** Large reads: a 64 KB highWaterMark caps a local file stream near 630 MB/s. */
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

function partFileName(kind: 'm' | 'r', taskIndex: number): string {
  return `part-${kind}-${String(taskIndex).padStart(5, '0')}`;
}

/** Copies `localFile` to the attempt's part file; returns bytes written (HDFS_BYTES_WRITTEN). */
export async function writeTaskOutput(
  dfs: DfsClient,
  target: { output: string; attemptId: string; kind: 'm' | 'r'; taskIndex: number; replication: number },
  localFile: string,
  signal: AbortSignal,
): Promise<number> {
  const attemptDir = joinPath(joinPath(normalizePath(target.output), '_temporary'), target.attemptId);
  const file = joinPath(attemptDir, partFileName(target.kind, target.taskIndex));
  // No parents made: if the master already aborted the job and deleted OUTPUT, this
  // attempt must fail rather than bring OUTPUT back (which would block a rerun).
  await dfs.mkdirs(attemptDir, { parents: false });
  // Replication 0: the DFS default.
  const out = await dfs.create(file, { createParent: false, overwrite: true, replication: target.replication || undefined });
  await pipeline(fs.createReadStream(localFile, { highWaterMark: READ_CHUNK_BYTES }), out, { signal });
  return out.bytesWritten;
}
