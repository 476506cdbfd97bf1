// Original file: proto/namenode.proto


export interface BadBlock {
  'blockId'?: (string);
  'datanodeId'?: (string);
  'reason'?: (string);
}

export interface BadBlock__Output {
  'blockId': (string);
  'datanodeId': (string);
  'reason': (string);
}
