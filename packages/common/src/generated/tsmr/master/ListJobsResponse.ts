// Original file: proto/master.proto

import type { JobStatus as _tsmr_master_JobStatus, JobStatus__Output as _tsmr_master_JobStatus__Output } from '../../tsmr/master/JobStatus';

export interface ListJobsResponse {
  'jobs'?: (_tsmr_master_JobStatus)[];
}

export interface ListJobsResponse__Output {
  'jobs': (_tsmr_master_JobStatus__Output)[];
}
