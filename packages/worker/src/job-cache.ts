// Job bundles, fetched from the master once per job (GetJobBundle) and kept in
// WORKDIR/jobs/<jobId>/job.js, where task threads require them. A job's attempts that
// start together share one fetch.
import fs from 'node:fs/promises';
import path from 'node:path';
import { withRetry, type Bundle__Output, type BundleRequest } from '@tsmr/common';
import type { JobDescription } from './task-protocol';
import type { WorkDir } from './work-dir';

/** How long a bundle fetch keeps retrying an unreachable (restarting) master. */
const FETCH_RETRY_MS = 30_000;

export interface CachedJob {
  bundle: string;
  description: JobDescription;
}

export class JobCache {
  private readonly jobs = new Map<string, Promise<CachedJob>>();

  constructor(
    private readonly workDir: WorkDir,
    private readonly getJobBundle: (request: BundleRequest) => Promise<Bundle__Output>,
    /** Loads the bundle in a task thread: user code never runs in the main thread. */
    private readonly describe: (bundle: string) => Promise<JobDescription>,
  ) {}

  /** The job's bundle path and description; jobId must have been checked. */
  get(jobId: string): Promise<CachedJob> {
    let job = this.jobs.get(jobId);
    if (job === undefined) {
      job = this.load(jobId);
      this.jobs.set(jobId, job);
      // A failed load is not cached: the next attempt tries again.
      job.catch(() => this.jobs.delete(jobId));
    }
    return job;
  }

  /** Forgets a job whose bundle the janitor removed. */
  forget(jobId: string): void {
    this.jobs.delete(jobId);
  }

  private async load(jobId: string): Promise<CachedJob> {
    const bundle = this.workDir.bundle(jobId);
    if (!(await exists(bundle))) {
      const { code } = await withRetry(() => this.getJobBundle({ jobId }), { retryForMs: FETCH_RETRY_MS });
      await fs.mkdir(path.dirname(bundle), { recursive: true });
      // Write then rename, so a crash never leaves half a bundle under the final name.
      const partial = `${bundle}.${process.pid}.tmp`;
      await fs.writeFile(partial, code);
      await fs.rename(partial, bundle);
    }
    return { bundle, description: await this.describe(bundle) };
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
