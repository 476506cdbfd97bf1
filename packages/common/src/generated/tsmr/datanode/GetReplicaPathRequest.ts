// Original file: proto/datanode.proto


export interface GetReplicaPathRequest {
  'blockId'?: (string);
}

export interface GetReplicaPathRequest__Output {
  'blockId': (string);
}
