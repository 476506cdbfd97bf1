// Original file: proto/namenode.proto


/**
 * The namenode does not know this datanode (it restarted): register and send a full
 * block report again.
 */
export interface ReregisterCommand {
}

/**
 * The namenode does not know this datanode (it restarted): register and send a full
 * block report again.
 */
export interface ReregisterCommand__Output {
}
