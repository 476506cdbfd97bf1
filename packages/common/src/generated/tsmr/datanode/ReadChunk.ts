// Original file: proto/datanode.proto


/**
 * Up to 4 MiB of the range (one verified read from disk).
 */
export interface ReadChunk {
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * Up to 4 MiB of the range (one verified read from disk).
 */
export interface ReadChunk__Output {
  'data': (Buffer);
}
