// Original file: proto/namenode.proto


export interface MkdirsRequest {
  'path'?: (string);
  'createParent'?: (boolean);
  'owner'?: (string);
}

export interface MkdirsRequest__Output {
  'path': (string);
  'createParent': (boolean);
  'owner': (string);
}
