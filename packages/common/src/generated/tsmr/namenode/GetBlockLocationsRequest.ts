// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

export interface GetBlockLocationsRequest {
  'path'?: (string);
  'offset'?: (number | string | Long);
  /**
   * 0: to the end of the file
   */
  'length'?: (number | string | Long);
  /**
   * replicas on this datanode are listed first
   */
  'clientDatanode'?: (string);
}

export interface GetBlockLocationsRequest__Output {
  'path': (string);
  'offset': (number);
  /**
   * 0: to the end of the file
   */
  'length': (number);
  /**
   * replicas on this datanode are listed first
   */
  'clientDatanode': (string);
}
