// Original file: proto/master.proto

import type { JobStatus as _tsmr_master_JobStatus, JobStatus__Output as _tsmr_master_JobStatus__Output } from '../../tsmr/master/JobStatus';
import type { AttemptRecord as _tsmr_master_AttemptRecord, AttemptRecord__Output as _tsmr_master_AttemptRecord__Output } from '../../tsmr/master/AttemptRecord';
import type { DurationSummary as _tsmr_master_DurationSummary, DurationSummary__Output as _tsmr_master_DurationSummary__Output } from '../../tsmr/master/DurationSummary';

export interface JobHistory {
  'job'?: (_tsmr_master_JobStatus | null);
  'attempts'?: (_tsmr_master_AttemptRecord)[];
  /**
   * started_at - queued_at, over all attempts
   */
  'queueDelay'?: (_tsmr_master_DurationSummary | null);
  /**
   * finished_at - started_at, over finished attempts
   */
  'runTime'?: (_tsmr_master_DurationSummary | null);
}

export interface JobHistory__Output {
  'job': (_tsmr_master_JobStatus__Output | null);
  'attempts': (_tsmr_master_AttemptRecord__Output)[];
  /**
   * started_at - queued_at, over all attempts
   */
  'queueDelay': (_tsmr_master_DurationSummary__Output | null);
  /**
   * finished_at - started_at, over finished attempts
   */
  'runTime': (_tsmr_master_DurationSummary__Output | null);
}
