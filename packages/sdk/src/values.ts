// What a key or value may be: JSON-like data plus Buffers. Checked when user code emits,
// so a bad value fails at the `ctx.emit` that produced it, not later in a spill or shuffle.
import { InvalidRecordError } from './errors';

/** JSON data: what params may hold. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * A key or value: JSON data plus Buffers (any Uint8Array is accepted and comes back as a Buffer),
 * at any depth. Numbers must be finite; -0 is stored as 0. Object properties may not be
 * `undefined`. Declare record shapes with `type`, not `interface` (TypeScript only gives
 * type aliases the index signature this type needs).
 */
export type Value = null | boolean | number | string | Buffer | readonly Value[] | { readonly [key: string]: Value };

/** True for `{}` literals and `Object.create(null)`: objects whose own properties are all there is. */
export function isPlainObject(x: object): x is { readonly [key: string]: unknown } {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A short human name for the type of anything, for error messages. */
export function describeType(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? 'number' : String(x);
  if (typeof x !== 'object') return typeof x;
  if (Array.isArray(x)) return 'array';
  if (x instanceof Uint8Array) return 'Buffer';
  if (isPlainObject(x)) return 'object';
  const ctor = (x as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== '' ? `a ${ctor.name} instance` : 'an exotic object';
}

/**
 * Strings travel as UTF-8, which cannot hold a lone surrogate (half of a character, as
 * `'😀'.slice(0, 1)` makes): it would come back as U+FFFD, another string with another
 * place in the key order. V8 answers at once for strings of Latin-1 characters only.
 */
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Throws InvalidRecordError unless `x` is a Value. `what` names it in the message
 * ("key", "value"); the path inside it is appended (`value.items[2]`).
 */
export function assertValue(x: unknown, what: string): asserts x is Value {
  // Fast path for the common flat cases; the walk below handles the rest.
  const t = typeof x;
  if ((t === 'string' && isWellFormed(x as string)) || t === 'boolean' || x === null) return;
  if (t === 'number' && Number.isFinite(x)) return;
  const problem = findProblem(x, what, 0);
  if (problem !== undefined) throw new InvalidRecordError(problem);
}

function stringProblem(s: string, path: string): string | undefined {
  if (isWellFormed(s)) return undefined;
  return `${path} is a string holding a lone surrogate (half of a character, as slicing a string inside an emoji makes), which UTF-8 cannot carry; slice by code points (Array.from(s))`;
}

const MAX_DEPTH = 100;

function findProblem(x: unknown, path: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `${path} is nested more than ${MAX_DEPTH} levels deep (a cycle?)`;
  if (typeof x === 'string') return stringProblem(x, path);
  if (x === null || typeof x === 'boolean') return undefined;
  if (typeof x === 'number') {
    return Number.isFinite(x) ? undefined : `${path} is ${describeType(x)}; only finite numbers can be emitted`;
  }
  if (typeof x !== 'object') return `${path} is ${describeType(x)}; emit JSON-like data or Buffers`;
  if (x instanceof Uint8Array) return undefined;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const p = findProblem(x[i], `${path}[${i}]`, depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (!isPlainObject(x)) {
    const hint = x instanceof Date ? ' (emit date.toISOString() or date.getTime())' : '';
    return `${path} is ${describeType(x)}; emit JSON-like data or Buffers${hint}`;
  }
  for (const k of Object.keys(x)) {
    const p = stringProblem(k, `${path} property name ${JSON.stringify(k)}`) ?? findProblem(x[k], `${path}.${k}`, depth + 1);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** True if `x` is JSON data (the kind of value params hold). */
export function isJson(x: unknown): x is Json {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(isJson);
  return typeof x === 'object' && isPlainObject(x) && Object.values(x).every(isJson);
}
