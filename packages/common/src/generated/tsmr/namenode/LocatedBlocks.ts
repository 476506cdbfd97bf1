// Original file: proto/namenode.proto

import type { FileStatus as _tsmr_namenode_FileStatus, FileStatus__Output as _tsmr_namenode_FileStatus__Output } from '../../tsmr/namenode/FileStatus';
import type { LocatedBlock as _tsmr_namenode_LocatedBlock, LocatedBlock__Output as _tsmr_namenode_LocatedBlock__Output } from '../../tsmr/namenode/LocatedBlock';

export interface LocatedBlocks {
  'file'?: (_tsmr_namenode_FileStatus | null);
  'blocks'?: (_tsmr_namenode_LocatedBlock)[];
}

export interface LocatedBlocks__Output {
  'file': (_tsmr_namenode_FileStatus__Output | null);
  'blocks': (_tsmr_namenode_LocatedBlock__Output)[];
}
