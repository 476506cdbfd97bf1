// Original file: proto/master.proto

import type { JobSpec as _tsmr_master_JobSpec, JobSpec__Output as _tsmr_master_JobSpec__Output } from '../../tsmr/master/JobSpec';

export interface SubmitJobRequest {
  'spec'?: (_tsmr_master_JobSpec | null);
  /**
   * the job as one CommonJS module (esbuild output)
   */
  'bundle'?: (Buffer | Uint8Array | string);
  'submitter'?: (string);
}

export interface SubmitJobRequest__Output {
  'spec': (_tsmr_master_JobSpec__Output | null);
  /**
   * the job as one CommonJS module (esbuild output)
   */
  'bundle': (Buffer);
  'submitter': (string);
}
