// `job history`: every attempt of a job with its times, and how long tasks waited in the
// queue (started - queued, over all attempts) and ran (finished - started, over finished ones).
import type { AttemptRecord, DurationSummary, JobHistory } from '@tsmr/common';
import type { AttemptRow, JobRow, JobStore } from './job-store';
import { jobStatus } from './job-status';

export function jobHistory(store: JobStore, job: JobRow): JobHistory {
  const attempts = store.attempts(job.id);
  return {
    job: jobStatus(store, job),
    attempts: attempts.map(attemptRecord),
    queueDelay: summarize(attempts.map((a) => a.startedAt - a.queuedAt)),
    runTime: summarize(attempts.filter((a) => a.finishedAt > 0).map((a) => a.finishedAt - a.startedAt)),
  };
}

function attemptRecord(a: AttemptRow): AttemptRecord {
  return {
    attemptId: a.id,
    taskId: a.taskId,
    type: a.kind === 'm' ? 'MAP' : 'REDUCE',
    taskIndex: a.index,
    state: a.state,
    workerId: a.workerId,
    workerHost: a.workerHost,
    queuedAt: a.queuedAt,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    dataLocal: a.dataLocal,
    error: a.error,
    committed: a.committed,
    speculative: a.speculative,
    userCode: a.userCode,
  };
}

/** min/median/p95/max of durations (ms); quantiles interpolate between the nearest ranks. */
export function summarize(durations: readonly number[]): DurationSummary {
  if (durations.length === 0) return { count: 0, minMs: 0, medianMs: 0, p95Ms: 0, maxMs: 0 };
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    count: sorted.length,
    minMs: sorted[0]!,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted[sorted.length - 1]!,
  };
}

/** The q-quantile of non-empty sorted durations, interpolated between the nearest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  const rank = (sorted.length - 1) * q;
  const below = Math.floor(rank);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (rank - below);
}
