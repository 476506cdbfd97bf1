// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

export interface ReportedBlock {
  'blockId'?: (string);
  'length'?: (number | string | Long);
}

export interface ReportedBlock__Output {
  'blockId': (string);
  'length': (number);
}
