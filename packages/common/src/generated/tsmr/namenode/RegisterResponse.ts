// Original file: proto/namenode.proto

import type { Long } from '@grpc/proto-loader';

export interface RegisterResponse {
  'heartbeatIntervalMs'?: (number | string | Long);
  'blockReportIntervalMs'?: (number | string | Long);
  'bytesPerChecksum'?: (number);
}

export interface RegisterResponse__Output {
  'heartbeatIntervalMs': (number);
  'blockReportIntervalMs': (number);
  'bytesPerChecksum': (number);
}
