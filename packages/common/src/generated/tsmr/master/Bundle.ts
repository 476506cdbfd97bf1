// Original file: proto/master.proto


export interface Bundle {
  'code'?: (Buffer | Uint8Array | string);
}

export interface Bundle__Output {
  'code': (Buffer);
}
