// Original file: proto/master.proto


/**
 * Where a finished map attempt's output can be fetched.
 */
export interface MapOutputLocation {
  'mapIndex'?: (number);
  'attemptId'?: (string);
  /**
   * host:port of that worker's shuffle stream (a frame stream, not gRPC)
   */
  'shuffleAddress'?: (string);
}

/**
 * Where a finished map attempt's output can be fetched.
 */
export interface MapOutputLocation__Output {
  'mapIndex': (number);
  'attemptId': (string);
  /**
   * host:port of that worker's shuffle stream (a frame stream, not gRPC)
   */
  'shuffleAddress': (string);
}
