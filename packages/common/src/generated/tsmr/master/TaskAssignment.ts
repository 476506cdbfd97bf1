// Original file: proto/master.proto

import type { TaskType as _tsmr_master_TaskType, TaskType__Output as _tsmr_master_TaskType__Output } from '../../tsmr/master/TaskType';
import type { InputSplit as _tsmr_master_InputSplit, InputSplit__Output as _tsmr_master_InputSplit__Output } from '../../tsmr/master/InputSplit';
import type { MapOutputLocation as _tsmr_master_MapOutputLocation, MapOutputLocation__Output as _tsmr_master_MapOutputLocation__Output } from '../../tsmr/master/MapOutputLocation';
import type { Long } from '@grpc/proto-loader';

export interface TaskAssignment {
  'attemptId'?: (string);
  'jobId'?: (string);
  'type'?: (_tsmr_master_TaskType);
  'taskIndex'?: (number);
  /**
   * maps
   */
  'split'?: (_tsmr_master_InputSplit | null);
  'reducers'?: (number);
  /**
   * the job's --param overrides
   */
  'params'?: ({[key: string]: string});
  /**
   * the job's output dir
   */
  'output'?: (string);
  /**
   * reduces: one per map task
   */
  'mapOutputs'?: (_tsmr_master_MapOutputLocation)[];
  /**
   * Maps in skip mode: records (0-based index within the split) not to give to map.
   */
  'skipRecords'?: (number | string | Long)[];
  /**
   * Replication of the part file the attempt writes; 0: the DFS default.
   */
  'outputReplication'?: (number);
}

export interface TaskAssignment__Output {
  'attemptId': (string);
  'jobId': (string);
  'type': (_tsmr_master_TaskType__Output);
  'taskIndex': (number);
  /**
   * maps
   */
  'split': (_tsmr_master_InputSplit__Output | null);
  'reducers': (number);
  /**
   * the job's --param overrides
   */
  'params': ({[key: string]: string});
  /**
   * the job's output dir
   */
  'output': (string);
  /**
   * reduces: one per map task
   */
  'mapOutputs': (_tsmr_master_MapOutputLocation__Output)[];
  /**
   * Maps in skip mode: records (0-based index within the split) not to give to map.
   */
  'skipRecords': (number)[];
  /**
   * Replication of the part file the attempt writes; 0: the DFS default.
   */
  'outputReplication': (number);
}
