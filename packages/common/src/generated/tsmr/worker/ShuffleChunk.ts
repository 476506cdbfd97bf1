// Original file: proto/worker.proto


export interface ShuffleChunk {
  'data'?: (Buffer | Uint8Array | string);
}

export interface ShuffleChunk__Output {
  'data': (Buffer);
}
