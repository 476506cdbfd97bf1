// Original file: proto/master.proto

import type { Long } from '@grpc/proto-loader';

export interface InputSplit {
  'path'?: (string);
  'offset'?: (number | string | Long);
  'length'?: (number | string | Long);
  'fileLength'?: (number | string | Long);
  /**
   * datanode ids holding the split's block
   */
  'hosts'?: (string)[];
}

export interface InputSplit__Output {
  'path': (string);
  'offset': (number);
  'length': (number);
  'fileLength': (number);
  /**
   * datanode ids holding the split's block
   */
  'hosts': (string)[];
}
