// Sorting records by their string keys' UTF-8 bytes, in compareKeys' order, without
// making a JS string of any key: the keys are byte ranges of one buffer, and the sort is a
// radix sort over a window of a few key bytes at a time (MSD over windows, LSD within one),
// so it never calls a comparator except on runs too small for counting to pay.
//
// compareKeys orders strings by UTF-16 code unit; UTF-8 bytes order them by code point.
// The two differ only between a character of U+E000..U+FFFF (lead byte 0xEE or 0xEF) and
// one beyond U+FFFF (lead byte 0xF0..0xF4: a surrogate pair in UTF-16, so it comes first
// there). Keys equal up to a byte sit on the same character boundaries, and a byte of 0xEE
// or more is always a lead byte, so ranking those seven lead bytes in UTF-16 order makes
// the byte order exactly compareKeys'.

/** Key bytes one radix window holds. */
const WINDOW = 12;
/** Runs shorter than this are insertion-sorted: counting 257 buckets a digit would cost more. */
const SMALL_RUN = 32;

/** The keys: key r is data[keyStart[r], keyEnd[r]). */
export interface KeyRanges {
  data: Uint8Array;
  keyStart: Int32Array;
  keyEnd: Int32Array;
}

/** A byte's rank in UTF-16 order: lead bytes of characters beyond U+FFFF before those of U+E000..U+FFFF. */
function rankByte(b: number): number {
  if (b < 0xee) return b;
  if (b <= 0xef) return b + 5; // 0xEE, 0xEF → 0xF3, 0xF4
  if (b <= 0xf4) return b - 2; // 0xF0..0xF4 → 0xEE..0xF2
  return b; // not in UTF-8
}

/** Key bytes two prefixWords hold: a key's first bytes as two numbers, compared before its bytes. */
export const PREFIX_BYTES = 8;

/**
 * The four ranked bytes of data[from, end) starting at `from`, big-endian, as an unsigned
 * number (0 past `end`): keys whose words differ are ordered as the words are; equal words
 * say nothing beyond those bytes (a key may go on, or hold a 0 byte, where another ends).
 */
export function prefixWord(data: Uint8Array, from: number, end: number): number {
  if (from + 4 <= end) {
    const b0 = data[from] as number;
    const b1 = data[from + 1] as number;
    const b2 = data[from + 2] as number;
    const b3 = data[from + 3] as number;
    // ASCII ranks as itself.
    if (((b0 | b1 | b2 | b3) & 0x80) === 0) return b0 * 0x1000000 + ((b1 << 16) | (b2 << 8) | b3);
  }
  let word = 0;
  for (let i = from; i < from + 4; i++) word = word * 256 + (i < end ? rankByte(data[i] as number) : 0);
  return word;
}

/** Whether keys a and b are the same. */
export function sameKey({ data, keyStart, keyEnd }: KeyRanges, a: number, b: number): boolean {
  const i = keyStart[a] as number;
  const j = keyStart[b] as number;
  const length = (keyEnd[a] as number) - i;
  return length === (keyEnd[b] as number) - j && equalBytes(data, i, data, j, length);
}

/** Whether a[i, i + length) and b[j, j + length) hold the same bytes. */
export function equalBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/**
 * Two strings' UTF-8 bytes a[i, endA) and b[j, endB) compared in compareKeys' order:
 * negative, zero or positive.
 */
export function compareUtf8(a: Uint8Array, i: number, endA: number, b: Uint8Array, j: number, endB: number): number {
  for (; i < endA && j < endB; i++, j++) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x !== y) return rankByte(x) - rankByte(y);
  }
  return endA - i - (endB - j);
}

/** Keys a and b compared from byte `depth` on (they agree before it). */
function compareFrom({ data, keyStart, keyEnd }: KeyRanges, a: number, b: number, depth: number): number {
  return compareUtf8(data, (keyStart[a] as number) + depth, keyEnd[a] as number, data, (keyStart[b] as number) + depth, keyEnd[b] as number);
}

/** Record numbers 0..n-1 in key order; records with equal keys keep their order (a stable sort). */
export function sortByKey(keys: KeyRanges, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  sortRun(keys, order, 0, n, 0);
  return order;
}

/** Sorts order[lo, hi), whose keys agree on their first `depth` bytes, by the rest of their keys (stable). */
function sortRun(keys: KeyRanges, order: Int32Array, lo: number, hi: number, depth: number): void {
  const m = hi - lo;
  if (m < SMALL_RUN) {
    insertionSort(keys, order, lo, hi, depth);
    return;
  }
  const { data, keyStart, keyEnd } = keys;
  // The window's digits, digit by digit: digits[d * m + i] is digit d of the run's record i,
  // 0 past the key's end, else 1 + its ranked byte. One digit's m values lie together, so
  // a radix pass's random reads stay in a small array (a record's digits side by side made
  // each read a cache miss).
  const digits = new Uint16Array(m * WINDOW);
  let longer = false;
  for (let i = 0; i < m; i++) {
    const r = order[lo + i] as number;
    const from = (keyStart[r] as number) + depth;
    const length = (keyEnd[r] as number) - from;
    if (length > WINDOW) longer = true;
    for (let d = 0, stop = Math.min(length, WINDOW); d < stop; d++) digits[d * m + i] = 1 + rankByte(data[from + d] as number);
  }
  const perm = radixOrder(digits, m);
  const records = order.slice(lo, hi);
  for (let k = 0; k < m; k++) order[lo + k] = records[perm[k] as number] as number;
  if (!longer) return; // every key ended within the window: equal digits are equal keys
  // Records alike in the whole window whose keys go on: sort them by the next window.
  for (let k = lo; k < hi; ) {
    let end = k + 1;
    while (end < hi && sameWindow(keys, order[k] as number, order[end] as number, depth)) end++;
    // (Alike keys that fill the window may still differ after it, or end with it.)
    const first = order[k] as number;
    if (end - k > 1 && (keyEnd[first] as number) - (keyStart[first] as number) - depth >= WINDOW) sortRun(keys, order, k, end, depth + WINDOW);
    k = end;
  }
}

/** Whether keys a and b hold the same bytes in the window from byte `depth` (both ending, or going on, alike). */
function sameWindow({ data, keyStart, keyEnd }: KeyRanges, a: number, b: number, depth: number): boolean {
  const i = (keyStart[a] as number) + depth;
  const j = (keyStart[b] as number) + depth;
  const length = Math.min(WINDOW, (keyEnd[a] as number) - i);
  return length === Math.min(WINDOW, (keyEnd[b] as number) - j) && equalBytes(data, i, data, j, length);
}

/** Positions 0..m-1 ordered by their WINDOW digits (stable): an LSD radix sort, a digit a pass. */
function radixOrder(digits: Uint16Array, m: number): Int32Array {
  let from = new Int32Array(m);
  for (let i = 0; i < m; i++) from[i] = i;
  let to = new Int32Array(m);
  const counts = new Int32Array(257);
  for (let d = WINDOW - 1; d >= 0; d--) {
    const at = d * m;
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[digits[at + i] as number]!++;
    if (counts[digits[at] as number] === m) continue; // one digit for all: nothing moves
    let sum = 0;
    for (let b = 0; b < 257; b++) {
      const count = counts[b] as number;
      counts[b] = sum;
      sum += count;
    }
    for (let k = 0; k < m; k++) {
      const i = from[k] as number;
      to[counts[digits[at + i] as number]!++] = i;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Stable insertion sort of order[lo, hi) by the keys from byte `depth` on. */
function insertionSort(keys: KeyRanges, order: Int32Array, lo: number, hi: number, depth: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = order[i] as number;
    let j = i - 1;
    for (; j >= lo && compareFrom(keys, order[j] as number, x, depth) > 0; j--) order[j + 1] = order[j] as number;
    order[j + 1] = x;
  }
}
