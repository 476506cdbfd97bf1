// Original file: proto/master.proto


export interface JobSpec {
  'name'?: (string);
  /**
   * DFS files or directories (their files, recursively)
   */
  'inputs'?: (string)[];
  /**
   * DFS directory; must not exist
   */
  'output'?: (string);
  /**
   * 0: map-only
   */
  'reducers'?: (number);
  /**
   * --param overrides, as given
   */
  'params'?: ({[key: string]: string});
  /**
   * per task; 0: the master's default (4)
   */
  'maxAttempts'?: (number);
}

export interface JobSpec__Output {
  'name': (string);
  /**
   * DFS files or directories (their files, recursively)
   */
  'inputs': (string)[];
  /**
   * DFS directory; must not exist
   */
  'output': (string);
  /**
   * 0: map-only
   */
  'reducers': (number);
  /**
   * --param overrides, as given
   */
  'params': ({[key: string]: string});
  /**
   * per task; 0: the master's default (4)
   */
  'maxAttempts': (number);
}
