// Original file: proto/master.proto


export interface JobError {
  'message'?: (string);
  'stack'?: (string);
  'taskId'?: (string);
}

export interface JobError__Output {
  'message': (string);
  'stack': (string);
  'taskId': (string);
}
