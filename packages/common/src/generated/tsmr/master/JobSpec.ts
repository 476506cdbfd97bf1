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
  /**
   * Speculative execution (backup attempts of stragglers) is on unless this is set.
   */
  'noSpeculation'?: (boolean);
  /**
   * Skip mode: a map record on which this many attempts of its task failed (in user code)
   * is skipped by the task's later attempts and counted in SKIPPED_RECORDS. 0: off.
   */
  'skipBadRecords'?: (number);
  /**
   * Replication of the output's part files; 0: the DFS default.
   */
  'outputReplication'?: (number);
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
  /**
   * Speculative execution (backup attempts of stragglers) is on unless this is set.
   */
  'noSpeculation': (boolean);
  /**
   * Skip mode: a map record on which this many attempts of its task failed (in user code)
   * is skipped by the task's later attempts and counted in SKIPPED_RECORDS. 0: off.
   */
  'skipBadRecords': (number);
  /**
   * Replication of the output's part files; 0: the DFS default.
   */
  'outputReplication': (number);
}
