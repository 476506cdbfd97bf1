// Original file: proto/namenode.proto

import type { ReportedBlock as _tsmr_namenode_ReportedBlock, ReportedBlock__Output as _tsmr_namenode_ReportedBlock__Output } from '../../tsmr/namenode/ReportedBlock';

export interface BlockReportRequest {
  'datanodeId'?: (string);
  'blocks'?: (_tsmr_namenode_ReportedBlock)[];
}

export interface BlockReportRequest__Output {
  'datanodeId': (string);
  'blocks': (_tsmr_namenode_ReportedBlock__Output)[];
}
