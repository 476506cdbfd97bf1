// JobClient: what users (the CLI) call: submit, status, list, kill, history.
import {
  AlreadyExistsError,
  InvalidArgumentError,
  NotFoundError,
  checkJobId,
  type AsyncHandlers,
  type JobClientHandlers,
} from '@tsmr/common';
import type { DfsClient } from '@tsmr/dfs';
import { jobHistory } from './job-history';
import { parseSubmission } from './job-spec';
import { jobStatus } from './job-status';
import type { JobRow, JobStore } from './job-store';
import type { JobTracker } from './job-tracker';
import { listInputFiles, planSplits } from './split-planner';

export interface JobClientParts {
  tracker: JobTracker;
  store: JobStore;
  dfs: DfsClient;
  defaultMaxAttempts: number;
}

/** Refuses an output replication the DFS could not give (every attempt's write would fail). */
async function checkOutputReplication(dfs: DfsClient, replication: number): Promise<void> {
  const live = (await dfs.clusterReport()).datanodes.filter((d) => d.live).length;
  if (replication > live) {
    throw new InvalidArgumentError(`spec.output_replication: ${replication} is more than the ${live} live datanodes`);
  }
}

export function jobClientService({ tracker, store, dfs, defaultMaxAttempts }: JobClientParts): AsyncHandlers<JobClientHandlers> {
  const storedJob = (jobId: string): JobRow => {
    const job = store.job(checkJobId(jobId));
    if (!job) throw new NotFoundError(`job ${jobId} does not exist`);
    return job;
  };

  return {
    async SubmitJob(request) {
      const submission = parseSubmission(request, defaultMaxAttempts);
      // Everything is checked and planned before the output dir is claimed, so a refused job leaves nothing behind.
      const files = await listInputFiles(dfs, submission.inputs);
      if (await dfs.exists(submission.output)) throw new AlreadyExistsError(`output directory ${submission.output} already exists`);
      if (submission.outputReplication > 0) await checkOutputReplication(dfs, submission.outputReplication);
      const splits = await planSplits(dfs, files);
      return { jobId: await tracker.submit(submission, splits) };
    },

    GetJobStatus(request) {
      return jobStatus(store, storedJob(request.jobId));
    },

    ListJobs(request) {
      if (!Number.isInteger(request.limit) || request.limit < 0) throw new InvalidArgumentError(`limit must be an integer ≥ 0, got ${request.limit}`);
      return { jobs: store.jobs(request.limit).map((job) => jobStatus(store, job)) };
    },

    async KillJob(request) {
      const job = storedJob(request.jobId);
      await tracker.kill(job.id, Date.now());
      return jobStatus(store, storedJob(job.id));
    },

    GetJobHistory(request) {
      return jobHistory(store, storedJob(request.jobId));
    },
  };
}
