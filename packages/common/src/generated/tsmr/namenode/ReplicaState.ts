// Original file: proto/namenode.proto

export const ReplicaState = {
  REPLICA_STATE_UNSPECIFIED: 'REPLICA_STATE_UNSPECIFIED',
  LIVE: 'LIVE',
  CORRUPT: 'CORRUPT',
  DECOMMISSIONED: 'DECOMMISSIONED',
} as const;

export type ReplicaState =
  | 'REPLICA_STATE_UNSPECIFIED'
  | 0
  | 'LIVE'
  | 1
  | 'CORRUPT'
  | 2
  | 'DECOMMISSIONED'
  | 3

export type ReplicaState__Output = typeof ReplicaState[keyof typeof ReplicaState]
