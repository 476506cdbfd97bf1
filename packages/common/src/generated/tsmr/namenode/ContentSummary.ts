// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

export interface ContentSummary {
  'length'?: (number | string | Long);
  'fileCount'?: (number | string | Long);
  'directoryCount'?: (number | string | Long);
  /**
   * length times replication, summed
   */
  'spaceConsumed'?: (number | string | Long);
}

export interface ContentSummary__Output {
  'length': (number);
  'fileCount': (number);
  'directoryCount': (number);
  /**
   * length times replication, summed
   */
  'spaceConsumed': (number);
}
