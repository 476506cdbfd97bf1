// Original file: proto/master.proto

export const TaskType = {
  TASK_TYPE_UNSPECIFIED: 'TASK_TYPE_UNSPECIFIED',
  MAP: 'MAP',
  REDUCE: 'REDUCE',
} as const;

export type TaskType =
  | 'TASK_TYPE_UNSPECIFIED'
  | 0
  | 'MAP'
  | 1
  | 'REDUCE'
  | 2

export type TaskType__Output = typeof TaskType[keyof typeof TaskType]
