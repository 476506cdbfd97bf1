// Original file: proto/namenode.proto


/**
 * Delete these local blocks.
 */
export interface InvalidateCommand {
  'blockIds'?: (string)[];
}

/**
 * Delete these local blocks.
 */
export interface InvalidateCommand__Output {
  'blockIds': (string)[];
}
