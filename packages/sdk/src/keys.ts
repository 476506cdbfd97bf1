// The one total order on keys (used to sort map output, merge runs and group for reduce)
// and the one hash (used to pick a key's partition). Both are pure functions of the key's
// value, so every process and every run agrees on them.
import type { Value } from './values';

/**
 * Rank of each kind of key in the total order:
 * null < booleans < numbers < strings < Buffers < arrays < objects.
 */
function rank(x: Value): number {
  if (x === null) return 0;
  switch (typeof x) {
    case 'boolean':
      return 1;
    case 'number':
      return 2;
    case 'string':
      return 3;
  }
  if (x instanceof Uint8Array) return 4;
  return Array.isArray(x) ? 5 : 6;
}

/**
 * The total order on keys; negative, zero or positive like any comparator.
 * - kinds: null < false < true < numbers < strings < Buffers < arrays < objects
 * - numbers: numerically (-0 equals 0)
 * - strings: by UTF-16 code unit, i.e. JavaScript's `<` (not locale order)
 * - Buffers: bytewise, a prefix first
 * - arrays: elementwise by this order, a prefix first
 * - objects: by canonical form, the entries sorted by property name, compared pairwise
 *   (name, then value), a prefix first. Property order therefore does not matter:
 *   `{a: 1, b: 2}` and `{b: 2, a: 1}` are the same key.
 */
export function compareKeys(a: Value, b: Value): number {
  // The hot cases first: two strings, two numbers.
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return Number(a) - Number(b);
    case 4:
      return Buffer.compare(a as Uint8Array, b as Uint8Array);
    case 5:
      return compareArrays(a as readonly Value[], b as readonly Value[]);
    default:
      return compareObjects(a as { readonly [k: string]: Value }, b as { readonly [k: string]: Value });
  }
}

function compareArrays(a: readonly Value[], b: readonly Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareKeys(a[i] as Value, b[i] as Value);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareObjects(a: { readonly [k: string]: Value }, b: { readonly [k: string]: Value }): number {
  const ka = sortedNames(a);
  const kb = sortedNames(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const na = ka[i] as string;
    const nb = kb[i] as string;
    if (na !== nb) return na < nb ? -1 : 1;
    const c = compareKeys(a[na] as Value, b[nb] as Value);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}

/** Property names in code-unit order (plain `sort()` compares by UTF-16 code unit). */
function sortedNames(o: object): string[] {
  return Object.keys(o).sort();
}

// FNV-1a (32-bit) over the key's canonical form, finished with murmur3's fmix32 so that
// `hash % n` is well spread for small n. The canonical form is the kind's rank, then:
// strings as UTF-16 code units, numbers as their IEEE-754 bits (-0 as 0), booleans as 0/1,
// Buffers byte by byte, arrays and objects as their length then their elements (objects:
// name, value pairs in name order). Changing any of this moves keys between partitions, so
// it must stay fixed across versions that share a cluster.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

function mix(h: number, unit: number): number {
  return Math.imul(h ^ unit, FNV_PRIME);
}

function hashString(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

function hashInto(h: number, x: Value): number {
  const r = rank(x);
  h = mix(h, r);
  switch (r) {
    case 0:
      return h;
    case 1:
      return mix(h, x ? 1 : 0);
    case 2:
      f64[0] = (x as number) === 0 ? 0 : (x as number);
      return mix(mix(h, f64Words[0] as number), f64Words[1] as number);
    case 3:
      return hashString(h, x as string);
    case 4: {
      const bytes = x as Uint8Array;
      h = mix(h, bytes.length);
      for (let i = 0; i < bytes.length; i++) h = mix(h, bytes[i] as number);
      return h;
    }
    case 5: {
      const arr = x as readonly Value[];
      h = mix(h, arr.length);
      for (const el of arr) h = hashInto(h, el);
      return h;
    }
    default: {
      const obj = x as { readonly [k: string]: Value };
      const names = sortedNames(obj);
      h = mix(h, names.length);
      for (const name of names) h = hashInto(hashString(h, name), obj[name] as Value);
      return h;
    }
  }
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit unsigned hash of the key, equal for keys that compareKeys calls equal. */
export function hashKey(key: Value): number {
  return fmix32(hashInto(FNV_OFFSET, key));
}

/** The partition a key goes to when the job defines no `partition`: its hash modulo n. */
export function defaultPartition(key: Value, numReducers: number): number {
  return hashKey(key) % numReducers;
}
