// Original file: proto/namenode.proto


export interface ListRequest {
  'path'?: (string);
  'recursive'?: (boolean);
}

export interface ListRequest__Output {
  'path': (string);
  'recursive': (boolean);
}
