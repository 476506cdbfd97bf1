// Original file: proto/master.proto

import type { JobState as _tsmr_master_JobState, JobState__Output as _tsmr_master_JobState__Output } from '../../tsmr/master/JobState';
import type { JobSpec as _tsmr_master_JobSpec, JobSpec__Output as _tsmr_master_JobSpec__Output } from '../../tsmr/master/JobSpec';
import type { JobError as _tsmr_master_JobError, JobError__Output as _tsmr_master_JobError__Output } from '../../tsmr/master/JobError';
import type { Long } from '@grpc/proto-loader';

export interface JobStatus {
  'jobId'?: (string);
  'name'?: (string);
  'state'?: (_tsmr_master_JobState);
  'spec'?: (_tsmr_master_JobSpec | null);
  'mapsTotal'?: (number);
  'mapsDone'?: (number);
  'reducesTotal'?: (number);
  'reducesDone'?: (number);
  /**
   * ms since the epoch; 0 = not yet
   */
  'submittedAt'?: (number | string | Long);
  'startedAt'?: (number | string | Long);
  'finishedAt'?: (number | string | Long);
  'error'?: (_tsmr_master_JobError | null);
  'counters'?: ({[key: string]: number | string | Long});
  'submitter'?: (string);
}

export interface JobStatus__Output {
  'jobId': (string);
  'name': (string);
  'state': (_tsmr_master_JobState__Output);
  'spec': (_tsmr_master_JobSpec__Output | null);
  'mapsTotal': (number);
  'mapsDone': (number);
  'reducesTotal': (number);
  'reducesDone': (number);
  /**
   * ms since the epoch; 0 = not yet
   */
  'submittedAt': (number);
  'startedAt': (number);
  'finishedAt': (number);
  'error': (_tsmr_master_JobError__Output | null);
  'counters': ({[key: string]: number});
  'submitter': (string);
}
