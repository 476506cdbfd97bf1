// Original file: proto/namenode.proto

import type { FileType as _tsmr_namenode_FileType, FileType__Output as _tsmr_namenode_FileType__Output } from '../../tsmr/namenode/FileType';
import type { Long } from '@grpc/proto-loader';

export interface FileStatus {
  'path'?: (string);
  'type'?: (_tsmr_namenode_FileType);
  /**
   * bytes; 0 for directories
   */
  'length'?: (number | string | Long);
  /**
   * 0 for directories
   */
  'replication'?: (number);
  /**
   * 0 for directories
   */
  'blockSize'?: (number | string | Long);
  'owner'?: (string);
  /**
   * ms since the epoch
   */
  'modificationTime'?: (number | string | Long);
  /**
   * ms since the epoch
   */
  'accessTime'?: (number | string | Long);
  'blockCount'?: (number);
}

export interface FileStatus__Output {
  'path': (string);
  'type': (_tsmr_namenode_FileType__Output);
  /**
   * bytes; 0 for directories
   */
  'length': (number);
  /**
   * 0 for directories
   */
  'replication': (number);
  /**
   * 0 for directories
   */
  'blockSize': (number);
  'owner': (string);
  /**
   * ms since the epoch
   */
  'modificationTime': (number);
  /**
   * ms since the epoch
   */
  'accessTime': (number);
  'blockCount': (number);
}
