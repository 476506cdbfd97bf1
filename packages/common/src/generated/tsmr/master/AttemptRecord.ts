// Original file: proto/master.proto

import type { TaskType as _tsmr_master_TaskType, TaskType__Output as _tsmr_master_TaskType__Output } from '../../tsmr/master/TaskType';
import type { AttemptState as _tsmr_master_AttemptState, AttemptState__Output as _tsmr_master_AttemptState__Output } from '../../tsmr/master/AttemptState';
import type { Long } from '@grpc/proto-loader';

export interface AttemptRecord {
  'attemptId'?: (string);
  'taskId'?: (string);
  'type'?: (_tsmr_master_TaskType);
  'taskIndex'?: (number);
  'state'?: (_tsmr_master_AttemptState);
  'workerId'?: (string);
  'workerHost'?: (string);
  /**
   * when the task became ready for this attempt
   */
  'queuedAt'?: (number | string | Long);
  /**
   * when the attempt was given to a worker
   */
  'startedAt'?: (number | string | Long);
  'finishedAt'?: (number | string | Long);
  /**
   * map input read from a replica on the worker's own node
   */
  'dataLocal'?: (boolean);
  'error'?: (string);
  'committed'?: (boolean);
  /**
   * a backup of a straggling attempt of the same task
   */
  'speculative'?: (boolean);
  /**
   * FAILED in the job's own code (see AttemptReport.user_code)
   */
  'userCode'?: (boolean);
}

export interface AttemptRecord__Output {
  'attemptId': (string);
  'taskId': (string);
  'type': (_tsmr_master_TaskType__Output);
  'taskIndex': (number);
  'state': (_tsmr_master_AttemptState__Output);
  'workerId': (string);
  'workerHost': (string);
  /**
   * when the task became ready for this attempt
   */
  'queuedAt': (number);
  /**
   * when the attempt was given to a worker
   */
  'startedAt': (number);
  'finishedAt': (number);
  /**
   * map input read from a replica on the worker's own node
   */
  'dataLocal': (boolean);
  'error': (string);
  'committed': (boolean);
  /**
   * a backup of a straggling attempt of the same task
   */
  'speculative': (boolean);
  /**
   * FAILED in the job's own code (see AttemptReport.user_code)
   */
  'userCode': (boolean);
}
