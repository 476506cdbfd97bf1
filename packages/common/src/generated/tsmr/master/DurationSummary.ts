// Original file: proto/master.proto

import type { Long } from '@grpc/proto-loader';

export interface DurationSummary {
  'count'?: (number | string | Long);
  'minMs'?: (number | string);
  'medianMs'?: (number | string);
  'p95Ms'?: (number | string);
  'maxMs'?: (number | string);
}

export interface DurationSummary__Output {
  'count': (number);
  'minMs': (number);
  'medianMs': (number);
  'p95Ms': (number);
  'maxMs': (number);
}
