// Original file: proto/master.proto

import type { AttemptReport as _tsmr_master_AttemptReport, AttemptReport__Output as _tsmr_master_AttemptReport__Output } from '../../tsmr/master/AttemptReport';

export interface WorkerHeartbeat {
  'workerId'?: (string);
  /**
   * host:port of its shuffle stream
   */
  'shuffleAddress'?: (string);
  /**
   * the datanode beside this worker, if any
   */
  'datanodeId'?: (string);
  'slots'?: (number);
  'freeSlots'?: (number);
  'reports'?: (_tsmr_master_AttemptReport)[];
}

export interface WorkerHeartbeat__Output {
  'workerId': (string);
  /**
   * host:port of its shuffle stream
   */
  'shuffleAddress': (string);
  /**
   * the datanode beside this worker, if any
   */
  'datanodeId': (string);
  'slots': (number);
  'freeSlots': (number);
  'reports': (_tsmr_master_AttemptReport__Output)[];
}
