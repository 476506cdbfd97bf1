// One attempt from assignment to report, in the main thread: fetch the job bundle, read
// the split or fetch the shuffle, hand the bytes to a task thread, then publish the result
// (map output into map-output/, text into the DFS). Any failure becomes a FAILED report
// with the error's message and stack, saying whether user code failed (and on which map
// record); the worker itself carries on.
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AttemptState,
  InvalidArgumentError,
  checkJobId,
  jobOfAttempt,
  type AttemptReport,
  type Logger,
  type TaskAssignment__Output,
} from '@tsmr/common';
import type { DfsClient } from '@tsmr/dfs';
import { UserCodeError, errorParts } from './attempt-failure';
import type { JobCache } from './job-cache';
import { writeTaskOutput } from './output-writer';
import { FetchFailedError, type ShuffleFetcher } from './shuffle-fetcher';
import type { SplitBuffers } from './split-buffers';
import { readSplit, readWholeFile, type SplitBytes } from './split-reader';
import { SCRATCH } from './task-protocol';
import type { TaskRunner } from './task-runner';
import type { WorkDir } from './work-dir';

export interface TaskLauncherOptions {
  workDir: WorkDir;
  jobs: JobCache;
  runner: TaskRunner;
  dfs: DfsClient;
  fetcher: ShuffleFetcher;
  splitBuffers: SplitBuffers;
  sortBufferBytes: number;
  mergeFactor: number;
  /** Testing aid: sleep this long before each attempt (an artificially slow worker). */
  taskDelayMs: number;
  log: Logger;
}

type Counters = Record<string, number>;

/** Milliseconds an attempt spent in each of its steps (logged with its end, for profiling). */
type Phases = Record<string, number>;

/** Runs `step`, adding its duration to `phases[name]`. */
async function timed<T>(phases: Phases, name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    phases[name] = Math.round(performance.now() - start);
  }
}

export class TaskLauncher {
  constructor(private readonly options: TaskLauncherOptions) {}

  /** Runs an attempt to its report; never rejects. */
  async run(assignment: TaskAssignment__Output, signal: AbortSignal): Promise<AttemptReport> {
    const { attemptId, jobId } = assignment;
    const log = this.options.log.child({ jobId, attemptId });
    try {
      // Ids become local paths: check them before anything touches the disk.
      checkJobId(jobId);
      jobOfAttempt(attemptId);
    } catch (err) {
      log.error({ err }, 'assignment with a malformed id');
      return failed(attemptId, err);
    }
    const started = Date.now();
    log.info({ type: assignment.type, taskIndex: assignment.taskIndex }, 'attempt started');
    try {
      if (this.options.taskDelayMs > 0) await sleep(this.options.taskDelayMs, undefined, { signal });
      const phases: Phases = {};
      const report =
        assignment.type === 'MAP' ? await this.runMap(assignment, phases, signal) : await this.runReduce(assignment, phases, signal);
      log.info({ ms: Date.now() - started, phases, counters: report.counters }, 'attempt succeeded');
      return report;
    } catch (err) {
      if (!signal.aborted) log.warn({ err, ms: Date.now() - started }, 'attempt failed');
      return failed(attemptId, err);
    } finally {
      await fs.rm(this.options.workDir.scratch(attemptId), { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Deletes a killed map attempt's output, held or not (a map attempt that lost its task). */
  async removeMapOutput(attemptId: string): Promise<void> {
    const jobId = jobOfAttempt(attemptId);
    if (!attemptId.includes('_m_')) return;
    await fs.rm(this.options.workDir.mapOutput(jobId, attemptId), { recursive: true, force: true });
  }

  private async runMap(assignment: TaskAssignment__Output, phases: Phases, signal: AbortSignal): Promise<AttemptReport> {
    const { attemptId, jobId, split, reducers } = assignment;
    if (split === null) throw new InvalidArgumentError(`map attempt ${attemptId} has no split`);
    const { workDir, jobs, runner, dfs, splitBuffers } = this.options;
    const job = await timed(phases, 'job', () => jobs.get(jobId));
    const wholeFile = job.description.input === 'whole-file';
    // whole-file input: the file's first split maps the whole file; its other splits map nothing.
    const input: SplitBytes = await timed(phases, 'read', async () =>
      !wholeFile
        ? readSplit(dfs, split, splitBuffers, signal)
        : split.offset === 0
          ? readWholeFile(dfs, split.path, split.fileLength, signal)
          : { bytes: Buffer.allocUnsafeSlow(0), start: 0, end: 0, bytesRead: 0 },
    );
    const scratch = workDir.scratch(attemptId);
    const result = await timed(phases, 'thread', () => runner.run(
      {
        kind: 'map',
        bundle: job.bundle,
        params: assignment.params,
        scratch,
        inputPath: split.path,
        input: input.bytes,
        start: input.start,
        end: input.end,
        wholeFile: wholeFile && split.offset === 0,
        reducers,
        sortBufferBytes: this.options.sortBufferBytes,
        skipRecords: assignment.skipRecords,
      },
      signal,
    ));
    // The thread is done with the split. (A failed or killed attempt's buffer is let go:
    // a killed thread may still be running for a moment.)
    if (!wholeFile) splitBuffers.give(input.bytes);
    const counters: Counters = { ...result.counters, HDFS_BYTES_READ: input.bytesRead };
    if (reducers === 0) {
      counters.HDFS_BYTES_WRITTEN = await timed(phases, 'write', () => this.writeText(assignment, 'm', signal));
    } else {
      // Publish the finished output with one rename: the shuffle stream sees all of it or none.
      const target = workDir.mapOutput(jobId, attemptId);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(path.join(scratch, SCRATCH.mapOutputDir), target);
    }
    return succeeded(attemptId, counters, result.partitionBytes ?? []);
  }

  private async runReduce(assignment: TaskAssignment__Output, phases: Phases, signal: AbortSignal): Promise<AttemptReport> {
    const { attemptId, jobId, taskIndex } = assignment;
    const { workDir, jobs, runner, fetcher } = this.options;
    const job = await timed(phases, 'job', () => jobs.get(jobId));
    const scratch = workDir.scratch(attemptId);
    const shuffled = await timed(phases, 'shuffle', () => fetcher.fetchPartition(jobId, taskIndex, assignment.mapOutputs, scratch, signal));
    const result = await timed(phases, 'thread', () =>
      runner.run(
        { kind: 'reduce', bundle: job.bundle, params: assignment.params, scratch, segments: shuffled.segments, mergeFactor: this.options.mergeFactor },
        signal,
      ),
    );
    const counters: Counters = { ...result.counters, REDUCE_SHUFFLE_BYTES: shuffled.bytes };
    counters.HDFS_BYTES_WRITTEN = await timed(phases, 'write', () => this.writeText(assignment, 'r', signal));
    return succeeded(attemptId, counters, []);
  }

  private writeText(assignment: TaskAssignment__Output, kind: 'm' | 'r', signal: AbortSignal): Promise<number> {
    const { attemptId, output, taskIndex, outputReplication } = assignment;
    const local = path.join(this.options.workDir.scratch(attemptId), SCRATCH.textOutput);
    return writeTaskOutput(this.options.dfs, { output, attemptId, kind, taskIndex, replication: outputReplication }, local, signal);
  }
}

function succeeded(attemptId: string, counters: Counters, partitionBytes: number[]): AttemptReport {
  // Counters are int64 on the wire; user counters may have been incremented by fractions.
  const rounded = Object.fromEntries(Object.entries(counters).map(([name, n]) => [name, Math.round(n)]));
  return { attemptId, state: AttemptState.SUCCEEDED, counters: rounded, partitionBytes };
}

function failed(attemptId: string, err: unknown): AttemptReport {
  const { message, stack } = errorParts(err);
  const userCode = err instanceof UserCodeError;
  return {
    attemptId,
    state: AttemptState.FAILED,
    error: message,
    errorStack: stack,
    fetchFailedMaps: err instanceof FetchFailedError ? err.maps : [],
    userCode,
    failedRecord: userCode ? err.mapRecord : undefined,
  };
}
