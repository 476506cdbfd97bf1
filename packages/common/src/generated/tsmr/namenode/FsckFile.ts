// Original file: proto/namenode.proto

import type { FsckBlock as _tsmr_namenode_FsckBlock, FsckBlock__Output as _tsmr_namenode_FsckBlock__Output } from '../../tsmr/namenode/FsckBlock';
import type { Long } from '@grpc/proto-loader';

export interface FsckFile {
  'path'?: (string);
  'length'?: (number | string | Long);
  'replication'?: (number);
  'blocks'?: (_tsmr_namenode_FsckBlock)[];
}

export interface FsckFile__Output {
  'path': (string);
  'length': (number);
  'replication': (number);
  'blocks': (_tsmr_namenode_FsckBlock__Output)[];
}
