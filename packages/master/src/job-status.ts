// A stored job as the JobClient protocol shows it: state, spec, progress, error, counters.
import type { JobStatus } from '@tsmr/common';
import type { JobRow, JobStore } from './job-store';

export function jobStatus(store: JobStore, job: JobRow): JobStatus {
  return {
    jobId: job.id,
    name: job.name,
    state: job.state,
    spec: {
      name: job.name,
      inputs: job.inputs,
      output: job.output,
      reducers: job.reducers,
      params: job.params,
      maxAttempts: job.maxAttempts,
      noSpeculation: !job.speculative,
      skipBadRecords: job.skipBadRecords,
      outputReplication: job.outputReplication,
    },
    ...store.taskCounts(job.id),
    submittedAt: job.submittedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.errorMessage || job.errorTask ? { message: job.errorMessage, stack: job.errorStack, taskId: job.errorTask } : null,
    counters: store.counters(job.id),
    submitter: job.submitter,
  };
}
