// Original file: proto/namenode.proto

export const FileType = {
  FILE_TYPE_UNSPECIFIED: 'FILE_TYPE_UNSPECIFIED',
  FILE: 'FILE',
  DIRECTORY: 'DIRECTORY',
} as const;

export type FileType =
  | 'FILE_TYPE_UNSPECIFIED'
  | 0
  | 'FILE'
  | 1
  | 'DIRECTORY'
  | 2

export type FileType__Output = typeof FileType[keyof typeof FileType]
