// Removes what finished jobs left on this worker. The master never says a job is over, so
// the rule is age: a map output untouched (not fetched) for MAP_OUTPUT_RETENTION_MS goes,
// unless this worker still holds an attempt of its job; a bundle goes with its job's last
// map output. A reduce that still wanted a removed output gets NOT_FOUND, reports the map
// as fetch-failed, and the master runs that map again, so the rule is safe, only slower.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@tsmr/common';
import type { WorkDir } from './work-dir';

export const MAP_OUTPUT_RETENTION_MS = 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

export interface JanitorOptions {
  workDir: WorkDir;
  /** Jobs with an attempt held here: nothing of theirs is removed. */
  heldJobs: () => Set<string>;
  /** Called for each job whose bundle was removed. */
  forgetJob: (jobId: string) => void;
  log: Logger;
  retentionMs?: number;
}

export class Janitor {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(private readonly options: JanitorOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One pass; a pass already running is joined rather than doubled. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce()
      .catch((err: unknown) => this.options.log.warn({ err }, 'cleanup failed'))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const { workDir, log } = this.options;
    const retentionMs = this.options.retentionMs ?? MAP_OUTPUT_RETENTION_MS;
    const cutoff = Date.now() - retentionMs;
    const held = this.options.heldJobs();
    const jobsWithOutput = new Set<string>();
    for (const jobId of await list(workDir.mapOutputRoot())) {
      const jobDir = path.join(workDir.mapOutputRoot(), jobId);
      let left = 0;
      for (const attemptId of await list(jobDir)) {
        const dir = path.join(jobDir, attemptId);
        if (held.has(jobId) || (await fs.stat(dir)).mtimeMs >= cutoff) {
          left++;
          continue;
        }
        await fs.rm(dir, { recursive: true, force: true });
        log.info({ jobId, attemptId }, 'removed old map output');
      }
      if (left > 0) jobsWithOutput.add(jobId);
      else await fs.rm(jobDir, { recursive: true, force: true });
    }
    for (const jobId of await list(workDir.jobsDir())) {
      if (held.has(jobId) || jobsWithOutput.has(jobId)) continue;
      const dir = path.dirname(workDir.bundle(jobId));
      if ((await fs.stat(dir)).mtimeMs >= cutoff) continue;
      await fs.rm(dir, { recursive: true, force: true });
      this.options.forgetJob(jobId);
    }
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
