// Original file: proto/namenode.proto

import type { BlockRef as _tsmr_namenode_BlockRef, BlockRef__Output as _tsmr_namenode_BlockRef__Output } from '../../tsmr/namenode/BlockRef';

export interface AddBlockRequest {
  'path'?: (string);
  'clientName'?: (string);
  /**
   * the block just finished, if any
   */
  'previous'?: (_tsmr_namenode_BlockRef | null);
  /**
   * ids the client could not write to
   */
  'excludedDatanodes'?: (string)[];
  /**
   * the datanode beside the writer, if any
   */
  'favoredDatanode'?: (string);
}

export interface AddBlockRequest__Output {
  'path': (string);
  'clientName': (string);
  /**
   * the block just finished, if any
   */
  'previous': (_tsmr_namenode_BlockRef__Output | null);
  /**
   * ids the client could not write to
   */
  'excludedDatanodes': (string)[];
  /**
   * the datanode beside the writer, if any
   */
  'favoredDatanode': (string);
}
