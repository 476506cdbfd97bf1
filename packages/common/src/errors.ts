// Errors carry a gRPC status code, so a handler's throw becomes that status on the wire
// and the client rebuilds an error of the same class from it.
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';

export class TsmrError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidArgumentError extends TsmrError {
  constructor(message: string) {
    super(status.INVALID_ARGUMENT, message);
  }
}
export class NotFoundError extends TsmrError {
  constructor(message: string) {
    super(status.NOT_FOUND, message);
  }
}
export class AlreadyExistsError extends TsmrError {
  constructor(message: string) {
    super(status.ALREADY_EXISTS, message);
  }
}
export class FailedPreconditionError extends TsmrError {
  constructor(message: string) {
    super(status.FAILED_PRECONDITION, message);
  }
}
export class UnavailableError extends TsmrError {
  constructor(message: string) {
    super(status.UNAVAILABLE, message);
  }
}
export class UnauthenticatedError extends TsmrError {
  constructor(message: string) {
    super(status.UNAUTHENTICATED, message);
  }
}
export class DataLossError extends TsmrError {
  constructor(message: string) {
    super(status.DATA_LOSS, message);
  }
}

const byCode = new Map<status, new (message: string) => TsmrError>([
  [status.INVALID_ARGUMENT, InvalidArgumentError],
  [status.NOT_FOUND, NotFoundError],
  [status.ALREADY_EXISTS, AlreadyExistsError],
  [status.FAILED_PRECONDITION, FailedPreconditionError],
  [status.UNAVAILABLE, UnavailableError],
  [status.UNAUTHENTICATED, UnauthenticatedError],
  [status.DATA_LOSS, DataLossError],
]);

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'metadata' in err;
}

/** Trailer set on every status a tsmr handler sends, so clients can tell it from a transport failure. */
const FROM_HANDLER = 'x-tsmr-handler-error';

/** A status for the wire: TsmrErrors keep their code, anything else is INTERNAL. */
export function toServiceError(err: unknown, trailers = new Metadata()): Partial<ServiceError> {
  trailers.set(FROM_HANDLER, '1');
  if (err instanceof TsmrError) return { code: err.code, details: err.message, metadata: trailers };
  if (isServiceError(err)) return { code: err.code, details: err.details, metadata: trailers };
  const message = err instanceof Error ? err.message : String(err);
  return { code: status.INTERNAL, details: message, metadata: trailers };
}

/**
 * Rebuilds the error a remote handler threw, so callers can test `instanceof NotFoundError`.
 * A failure of the connection itself (not sent by a handler) is prefixed with `context`.
 */
export function fromServiceError(err: ServiceError, context?: string): TsmrError {
  let message = err.details || err.message;
  const fromHandler = err.metadata?.get(FROM_HANDLER).length > 0;
  if (context && !fromHandler) message = `${context}: ${message.replace(/\.? Resolution note:\s*$/, '')}`;
  const rebuilt = errorOfCode(err.code, message);
  (rebuilt as { metadata?: Metadata }).metadata = err.metadata;
  return rebuilt;
}

/** The error of that status code: NotFoundError for NOT_FOUND and so on (a plain TsmrError for the rest). */
export function errorOfCode(code: status, message: string): TsmrError {
  const Class = byCode.get(code);
  return Class ? new Class(message) : new TsmrError(code, message);
}

/** `CODE_NAME: message`, how the CLI shows an error. */
export function describeError(err: unknown): string {
  if (err instanceof TsmrError) return `${status[err.code] ?? err.code}: ${err.message}`;
  if (isServiceError(err)) return `${status[err.code] ?? err.code}: ${err.details}`;
  return err instanceof Error ? err.message : String(err);
}
