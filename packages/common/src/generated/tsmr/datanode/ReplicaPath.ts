// Original file: proto/datanode.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Where a finalized replica lies on the datanode's disk (HDFS's BlockLocalPathInfo). A
 * reader on the same machine reads the files itself and verifies every chunk against the
 * meta file; on any failure it reads through the datanode's block stream instead.
 */
export interface ReplicaPath {
  /**
   * absolute path of the block file
   */
  'dataPath'?: (string);
  /**
   * absolute path of its meta (checksum) file
   */
  'metaPath'?: (string);
  /**
   * bytes in the block
   */
  'length'?: (number | string | Long);
  'bytesPerChecksum'?: (number);
}

/**
 * Where a finalized replica lies on the datanode's disk (HDFS's BlockLocalPathInfo). A
 * reader on the same machine reads the files itself and verifies every chunk against the
 * meta file; on any failure it reads through the datanode's block stream instead.
 */
export interface ReplicaPath__Output {
  /**
   * absolute path of the block file
   */
  'dataPath': (string);
  /**
   * absolute path of its meta (checksum) file
   */
  'metaPath': (string);
  /**
   * bytes in the block
   */
  'length': (number);
  'bytesPerChecksum': (number);
}
