// Original file: proto/namenode.proto

import type { BlockRef as _tsmr_namenode_BlockRef, BlockRef__Output as _tsmr_namenode_BlockRef__Output } from '../../tsmr/namenode/BlockRef';

export interface CompleteRequest {
  'path'?: (string);
  'clientName'?: (string);
  'last'?: (_tsmr_namenode_BlockRef | null);
}

export interface CompleteRequest__Output {
  'path': (string);
  'clientName': (string);
  'last': (_tsmr_namenode_BlockRef__Output | null);
}
