// DFS paths: absolute, '/'-separated, no '.' or '..' components, no control characters.
// The client checks before sending and the namenode checks again, both with this code.
import { InvalidArgumentError } from '@tsmr/common';

const MAX_PATH_BYTES = 4096;

/** The canonical form of a DFS path; a relative path is taken from '/'. */
export function normalizePath(path: string): string {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidArgumentError('path is empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    throw new InvalidArgumentError(`path ${JSON.stringify(path)} contains a NUL or control character`);
  }
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) throw new InvalidArgumentError(`path is longer than ${MAX_PATH_BYTES} bytes`);
  const parts = path.split('/');
  if (parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  for (const part of parts) {
    if (part === '') throw new InvalidArgumentError(`path '${path}' has an empty component`);
    if (part === '.' || part === '..') throw new InvalidArgumentError(`path '${path}' contains '${part}': give a path without . or ..`);
  }
  return '/' + parts.join('/');
}

/** The components of a normalized path ('/' has none). */
export function pathComponents(normalized: string): string[] {
  return normalized === '/' ? [] : normalized.slice(1).split('/');
}

export function parentPath(normalized: string): string {
  const i = normalized.lastIndexOf('/');
  return i <= 0 ? '/' : normalized.slice(0, i);
}

export function baseName(normalized: string): string {
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** True when `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return ancestor === '/' || path === ancestor || path.startsWith(ancestor + '/');
}
