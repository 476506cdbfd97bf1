// Original file: proto/namenode.proto

import type { FileStatus as _tsmr_namenode_FileStatus, FileStatus__Output as _tsmr_namenode_FileStatus__Output } from '../../tsmr/namenode/FileStatus';

export interface ListResponse {
  'entries'?: (_tsmr_namenode_FileStatus)[];
}

export interface ListResponse__Output {
  'entries': (_tsmr_namenode_FileStatus__Output)[];
}
