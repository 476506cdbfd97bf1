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
}
