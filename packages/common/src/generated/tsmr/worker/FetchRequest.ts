// Original file: proto/worker.proto


export interface FetchRequest {
  'jobId'?: (string);
  'mapAttemptId'?: (string);
  'partition'?: (number);
}

export interface FetchRequest__Output {
  'jobId': (string);
  'mapAttemptId': (string);
  'partition': (number);
}
