// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

export interface StorageReport {
  'capacity'?: (number | string | Long);
  /**
   * bytes in block and checksum files
   */
  'used'?: (number | string | Long);
  'remaining'?: (number | string | Long);
}

export interface StorageReport__Output {
  'capacity': (number);
  /**
   * bytes in block and checksum files
   */
  'used': (number);
  'remaining': (number);
}
