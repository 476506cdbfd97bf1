// Original file: proto/master.proto

import type { AttemptState as _tsmr_master_AttemptState, AttemptState__Output as _tsmr_master_AttemptState__Output } from '../../tsmr/master/AttemptState';
import type { Long } from '@grpc/proto-loader';

export interface AttemptReport {
  'attemptId'?: (string);
  /**
   * RUNNING, SUCCEEDED or FAILED
   */
  'state'?: (_tsmr_master_AttemptState);
  /**
   * FAILED: the message
   */
  'error'?: (string);
  'errorStack'?: (string);
  /**
   * SUCCEEDED
   */
  'counters'?: ({[key: string]: number | string | Long});
  /**
   * SUCCEEDED maps: bytes of each partition in the map output (reducers fetch them).
   */
  'partitionBytes'?: (number | string | Long)[];
  /**
   * A reduce that could not fetch these maps' outputs (their worker is gone).
   */
  'fetchFailedMaps'?: (number)[];
  /**
   * FAILED in the job's own code (map/combine/reduce/partition, or loading the job threw,
   * exited, ran out of memory or made no progress for the task timeout), as opposed to a
   * failure of the worker's surroundings (DFS, shuffle, bundle fetch, disk): only the
   * latter count towards blacklisting the worker for the job.
   */
  'userCode'?: (boolean);
  /**
   * FAILED maps in user code: the record map was given when it failed (0-based index within
   * the split), for skip mode. Absent when not known.
   */
  'failedRecord'?: (number | string | Long);
  '_failedRecord'?: "failedRecord";
}

export interface AttemptReport__Output {
  'attemptId': (string);
  /**
   * RUNNING, SUCCEEDED or FAILED
   */
  'state': (_tsmr_master_AttemptState__Output);
  /**
   * FAILED: the message
   */
  'error': (string);
  'errorStack': (string);
  /**
   * SUCCEEDED
   */
  'counters': ({[key: string]: number});
  /**
   * SUCCEEDED maps: bytes of each partition in the map output (reducers fetch them).
   */
  'partitionBytes': (number)[];
  /**
   * A reduce that could not fetch these maps' outputs (their worker is gone).
   */
  'fetchFailedMaps': (number)[];
  /**
   * FAILED in the job's own code (map/combine/reduce/partition, or loading the job threw,
   * exited, ran out of memory or made no progress for the task timeout), as opposed to a
   * failure of the worker's surroundings (DFS, shuffle, bundle fetch, disk): only the
   * latter count towards blacklisting the worker for the job.
   */
  'userCode': (boolean);
  /**
   * FAILED maps in user code: the record map was given when it failed (0-based index within
   * the split), for skip mode. Absent when not known.
   */
  'failedRecord'?: (number);
  '_failedRecord'?: "failedRecord";
}
