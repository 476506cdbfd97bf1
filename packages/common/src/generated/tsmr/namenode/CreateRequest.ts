// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateRequest {
  'path'?: (string);
  'clientName'?: (string);
  'overwrite'?: (boolean);
  /**
   * 0: the namenode's default
   */
  'replication'?: (number);
  /**
   * 0: the namenode's default
   */
  'blockSize'?: (number | string | Long);
  'createParent'?: (boolean);
  'owner'?: (string);
}

export interface CreateRequest__Output {
  'path': (string);
  'clientName': (string);
  'overwrite': (boolean);
  /**
   * 0: the namenode's default
   */
  'replication': (number);
  /**
   * 0: the namenode's default
   */
  'blockSize': (number);
  'createParent': (boolean);
  'owner': (string);
}
