// The SDK's errors. Job bundles carry their own copy of the SDK, so callers outside the
// bundle (the engine, the CLI) should recognise these by `name`, not by `instanceof`.

/** The job definition itself is wrong (no map function, bad input mode, ...). */
export class InvalidJobError extends Error {
  override readonly name = 'InvalidJobError';
}

/** A `--param` override names an unknown param or does not parse as the param's type. */
export class InvalidParamError extends Error {
  override readonly name = 'InvalidParamError';
}

/** User code emitted a key or value the SDK cannot serialize, or broke another record rule. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
}
