// Original file: proto/namenode.proto


export interface DeleteRequest {
  'path'?: (string);
  'recursive'?: (boolean);
}

export interface DeleteRequest__Output {
  'path': (string);
  'recursive': (boolean);
}
