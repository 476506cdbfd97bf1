// The job as a task thread calls it: every call into user code (map, combine, reduce,
// partition) is marked in the attempt's TaskStatus, which gives the task timeout its
// progress and tells the main thread, should the thread throw, exit or run out of memory,
// that user code was running and on which map record. In skip mode map never sees the
// records the master named as bad (they still count in MAP_INPUT_RECORDS: they were read).
import type { AnyJob } from '@tsmr/sdk';
import type { TaskStatus } from './task-status';

export interface InstrumentedJob {
  job: AnyJob;
  /** Records skipped so far (SKIPPED_RECORDS). */
  skippedRecords(): number;
}

/**
 * `skipRecords`: indexes within the split of map records to skip. The SDK calls map once
 * per record, batch after batch in split order, so the n-th call is the split's record n.
 */
export function instrumentJob(job: AnyJob, status: TaskStatus, skipRecords: ReadonlySet<number> = new Set()): InstrumentedJob {
  let nextRecord = 0;
  let skipped = 0;
  // Called per group (combine, reduce) or per record (partition): no closure per call.
  const user =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      status.enterUserCode();
      const result = fn.apply(job, args);
      status.leaveUserCode();
      return result;
    };
  // The same properties in the same order for every job (no spread of the user's object),
  // so the engine's code that reads them sees one shape across jobs, not a new one a job.
  const instrumented: AnyJob = {
    name: job.name,
    params: job.params,
    input: job.input,
    map(record: string, ctx: Parameters<AnyJob['map']>[1]) {
      const index = nextRecord++;
      if (skipRecords.size > 0 && skipRecords.has(index)) {
        skipped++;
        return;
      }
      status.enterUserCode(index);
      job.map(record, ctx);
      status.leaveUserCode();
    },
    combine: job.combine && user(job.combine),
    reduce: job.reduce && user(job.reduce),
    partition: job.partition && user(job.partition),
  };
  return { job: instrumented, skippedRecords: () => skipped };
}

/** Runs fn (loading the job's module, resolving its params) as user code. */
export function asUserCode<T>(status: TaskStatus, fn: () => T): T {
  status.enterUserCode();
  const result = fn();
  status.leaveUserCode();
  return result;
}
