// Original file: proto/namenode.proto


/**
 * A datanode as clients and other datanodes reach it.
 */
export interface DatanodeInfo {
  /**
   * stable id kept in the datanode's data dir
   */
  'datanodeId'?: (string);
  /**
   * host:port of its DataTransfer service
   */
  'address'?: (string);
  /**
   * host:port of its block stream (raw TCP block reads); empty: none
   */
  'streamAddress'?: (string);
}

/**
 * A datanode as clients and other datanodes reach it.
 */
export interface DatanodeInfo__Output {
  /**
   * stable id kept in the datanode's data dir
   */
  'datanodeId': (string);
  /**
   * host:port of its DataTransfer service
   */
  'address': (string);
  /**
   * host:port of its block stream (raw TCP block reads); empty: none
   */
  'streamAddress': (string);
}
