// Original file: proto/namenode.proto

import type { BadBlock as _tsmr_namenode_BadBlock, BadBlock__Output as _tsmr_namenode_BadBlock__Output } from '../../tsmr/namenode/BadBlock';

export interface ReportBadBlocksRequest {
  'blocks'?: (_tsmr_namenode_BadBlock)[];
}

export interface ReportBadBlocksRequest__Output {
  'blocks': (_tsmr_namenode_BadBlock__Output)[];
}
