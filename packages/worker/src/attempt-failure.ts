// How an attempt's failure reads. Errors from a task thread are clones made in this realm
// or another (a test runner's): read them by shape, not instanceof. A UserCodeError is a
// failure of the job's own code, which the master tells apart from failures of the
// worker's surroundings (DFS, shuffle, disk) when it blacklists workers.

export interface ErrorParts {
  message: string;
  stack: string;
}

export function errorParts(err: unknown): ErrorParts {
  const { message, stack } = (typeof err === 'object' && err !== null ? err : {}) as { message?: unknown; stack?: unknown };
  return { message: typeof message === 'string' ? message : String(err), stack: typeof stack === 'string' ? stack : '' };
}

/** The job's code threw, exited, ran out of memory or made no progress for the task timeout. */
export class UserCodeError extends Error {
  constructor(
    cause: ErrorParts,
    /** Map attempts: the index within the split of the record map was given last. */
    readonly mapRecord: number | undefined,
  ) {
    super(cause.message);
    this.name = 'UserCodeError';
    this.stack = cause.stack;
  }
}
