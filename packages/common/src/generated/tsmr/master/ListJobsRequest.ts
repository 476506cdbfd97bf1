// Original file: proto/master.proto


export interface ListJobsRequest {
  /**
   * most recent first; 0: all
   */
  'limit'?: (number);
}

export interface ListJobsRequest__Output {
  /**
   * most recent first; 0: all
   */
  'limit': (number);
}
