import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { NotFoundError, TsmrError, describeError, fromServiceError, toServiceError } from '../src';

function serviceError(code: status, details: string): ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new Metadata() });
}

test('a thrown TsmrError keeps its code on the wire; anything else is INTERNAL', () => {
  expect(toServiceError(new NotFoundError('/x does not exist'))).toMatchObject({ code: status.NOT_FOUND, details: '/x does not exist' });
  expect(toServiceError(new Error('boom'))).toMatchObject({ code: status.INTERNAL, details: 'boom' });
});

test('the client rebuilds the same error class from the status', () => {
  const rebuilt = fromServiceError(serviceError(status.NOT_FOUND, '/x does not exist'));
  expect(rebuilt).toBeInstanceOf(NotFoundError);
  expect(rebuilt.message).toBe('/x does not exist');
  const unavailable = fromServiceError(serviceError(status.UNAVAILABLE, 'No connection established'), 'cannot reach 127.0.0.1:1');
  expect(unavailable.message).toBe('cannot reach 127.0.0.1:1: No connection established');
});

test('errors print as CODE_NAME: message', () => {
  expect(describeError(new NotFoundError('/x does not exist'))).toBe('NOT_FOUND: /x does not exist');
  expect(describeError(new TsmrError(status.PERMISSION_DENIED, 'no'))).toBe('PERMISSION_DENIED: no');
});
