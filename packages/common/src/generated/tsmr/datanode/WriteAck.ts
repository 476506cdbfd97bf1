// Original file: proto/datanode.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Sent once a packet is on disk at this node and at every node downstream.
 */
export interface WriteAck {
  'seqno'?: (number | string | Long);
}

/**
 * Sent once a packet is on disk at this node and at every node downstream.
 */
export interface WriteAck__Output {
  'seqno': (number);
}
