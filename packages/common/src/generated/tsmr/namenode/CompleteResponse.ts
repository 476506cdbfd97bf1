// Original file: proto/namenode.proto


export interface CompleteResponse {
  /**
   * false while some block has no reported replica yet: the client retries.
   */
  'completed'?: (boolean);
}

export interface CompleteResponse__Output {
  /**
   * false while some block has no reported replica yet: the client retries.
   */
  'completed': (boolean);
}
