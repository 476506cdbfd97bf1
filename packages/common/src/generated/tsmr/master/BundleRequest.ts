// Original file: proto/master.proto


export interface BundleRequest {
  'jobId'?: (string);
}

export interface BundleRequest__Output {
  'jobId': (string);
}
