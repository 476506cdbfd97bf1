// Original file: proto/datanode.proto


export interface ReadChunk {
  'data'?: (Buffer | Uint8Array | string);
}

export interface ReadChunk__Output {
  'data': (Buffer);
}
