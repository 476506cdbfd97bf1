// Original file: proto/namenode.proto


export interface AbandonBlockRequest {
  'path'?: (string);
  'clientName'?: (string);
  'blockId'?: (string);
}

export interface AbandonBlockRequest__Output {
  'path': (string);
  'clientName': (string);
  'blockId': (string);
}
