// Original file: proto/master.proto

export const AttemptState = {
  ATTEMPT_STATE_UNSPECIFIED: 'ATTEMPT_STATE_UNSPECIFIED',
  /**
   * given to a worker, not yet reported running
   */
  ASSIGNED: 'ASSIGNED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  KILLED: 'KILLED',
} as const;

export type AttemptState =
  | 'ATTEMPT_STATE_UNSPECIFIED'
  | 0
  /**
   * given to a worker, not yet reported running
   */
  | 'ASSIGNED'
  | 1
  | 'RUNNING'
  | 2
  | 'SUCCEEDED'
  | 3
  | 'FAILED'
  | 4
  | 'KILLED'
  | 5

export type AttemptState__Output = typeof AttemptState[keyof typeof AttemptState]
