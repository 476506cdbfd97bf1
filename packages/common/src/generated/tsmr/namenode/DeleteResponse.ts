// Original file: proto/namenode.proto


export interface DeleteResponse {
  'filesDeleted'?: (number);
  'blocksDeleted'?: (number);
}

export interface DeleteResponse__Output {
  'filesDeleted': (number);
  'blocksDeleted': (number);
}
