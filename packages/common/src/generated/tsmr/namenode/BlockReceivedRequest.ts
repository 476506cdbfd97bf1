// Original file: proto/namenode.proto

import type { ReportedBlock as _tsmr_namenode_ReportedBlock, ReportedBlock__Output as _tsmr_namenode_ReportedBlock__Output } from '../../tsmr/namenode/ReportedBlock';

/**
 * Incremental report: blocks finalized or deleted since the last one.
 */
export interface BlockReceivedRequest {
  'datanodeId'?: (string);
  'received'?: (_tsmr_namenode_ReportedBlock)[];
  'deleted'?: (string)[];
}

/**
 * Incremental report: blocks finalized or deleted since the last one.
 */
export interface BlockReceivedRequest__Output {
  'datanodeId': (string);
  'received': (_tsmr_namenode_ReportedBlock__Output)[];
  'deleted': (string)[];
}
