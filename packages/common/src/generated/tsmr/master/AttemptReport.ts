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
}
