// Original file: proto/datanode.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadBlockRequest {
  'blockId'?: (string);
  'offset'?: (number | string | Long);
  /**
   * 0: to the end of the block
   */
  'length'?: (number | string | Long);
}

export interface ReadBlockRequest__Output {
  'blockId': (string);
  'offset': (number);
  /**
   * 0: to the end of the block
   */
  'length': (number);
}
