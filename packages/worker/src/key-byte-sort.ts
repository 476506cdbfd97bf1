// Sorting records by their string keys' UTF-8 bytes, in compareKeys' order, without
// making a JS string of any key: the keys are byte ranges of one buffer, and the sort is a
// radix sort over a window of a few key bytes at a time (MSD over windows, LSD within one),
// so it never calls a comparator except on runs too small for counting to pay. Within a
// window, each key's bytes are read once into three words (prefixWord), and the counting
// passes take their digits from those small arrays, not from the keys' bytes.
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
/** A digit mask covering a record's length in the window (0..WINDOW + 1). */
const LENGTH_MASK = 15;
/** Runs this long count 16-bit digits (6 passes a window), shorter ones bytes (12 passes). */
const WIDE_DIGIT_RUN = 4096;

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

/** Key bytes three prefixWords hold: a key's first bytes as three numbers, compared before its bytes. */
export const PREFIX_BYTES = 12;

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

/**
 * Whether a[i, i + length) and b[j, j + length) hold the same bytes. Compared from the
 * end: the keys compared are neighbours in key order, which share their first bytes.
 */
export function equalBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, length: number): boolean {
  for (let k = length - 1; k >= 0; k--) if (a[i + k] !== b[j + k]) return false;
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

/** Records in key order, and where each key's records begin. */
export interface SortedKeys {
  /** Record numbers 0..n-1 in key order; records with equal keys keep their order (a stable sort). */
  order: Int32Array;
  /** firsts[k] is 1 when order[k] starts a key (its key differs from order[k - 1]'s), else 0. */
  firsts: Uint8Array;
}

/** Sorts records 0..n-1 by key (see SortedKeys). */
export function sortByKey(keys: KeyRanges, n: number): SortedKeys {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const firsts = new Uint8Array(n);
  sortRun(keys, order, firsts, 0, n, 0);
  return { order, firsts };
}

/**
 * Sorts order[lo, hi), whose keys agree on their first `depth` bytes, by the rest of their
 * keys (stable), and marks in firsts[lo, hi) where each key begins (order[lo]'s key differs
 * from the one before lo).
 */
function sortRun(keys: KeyRanges, order: Int32Array, firsts: Uint8Array, lo: number, hi: number, depth: number): void {
  const m = hi - lo;
  if (m < SMALL_RUN) {
    insertionSort(keys, order, lo, hi, depth);
    firsts[lo] = 1;
    for (let k = lo + 1; k < hi; k++) firsts[k] = compareFrom(keys, order[k - 1] as number, order[k] as number, depth) === 0 ? 0 : 1;
    return;
  }
  const { data, keyStart, keyEnd } = keys;
  // Each record's window as three words, and its length in the window (WINDOW + 1: the key
  // goes on past it). Words are 0 past a key's end, so keys whose words are equal differ,
  // if at all, by length: the shorter (a prefix of the other) comes first, which sorting
  // by length before the words (LSD: least significant first) gives.
  const words = [new Uint32Array(m), new Uint32Array(m), new Uint32Array(m)] as const;
  const lengths = new Uint32Array(m);
  const [w0, w1, w2] = words;
  for (let i = 0; i < m; i++) {
    const r = order[lo + i] as number;
    const from = (keyStart[r] as number) + depth;
    const end = keyEnd[r] as number;
    lengths[i] = Math.min(end - from, WINDOW + 1);
    w0[i] = prefixWord(data, from, end);
    w1[i] = prefixWord(data, from + 4, end);
    w2[i] = prefixWord(data, from + 8, end);
  }
  let from = new Int32Array(m);
  for (let i = 0; i < m; i++) from[i] = i;
  let to = new Int32Array(m);
  // Digits of 16 bits halve the passes, but each pass clears and sums 65,536 counts.
  const bits = m >= WIDE_DIGIT_RUN ? 16 : 8;
  const mask = (1 << bits) - 1;
  const counts = new Int32Array(mask + 2);
  if (countingPass(lengths, 0, LENGTH_MASK, m, from, to, counts)) [from, to] = [to, from];
  for (let w = words.length - 1; w >= 0; w--) {
    for (let shift = 0; shift < 32; shift += bits) {
      if (countingPass(words[w] as Uint32Array, shift, mask, m, from, to, counts)) [from, to] = [to, from];
    }
  }
  const records = order.slice(lo, hi);
  for (let k = 0; k < m; k++) order[lo + k] = records[from[k] as number] as number;
  // A key that ends within the window is told from the one before it by its words and
  // length. Records alike in the whole window whose keys go on (they sort last among the
  // alike) are sorted, and their keys told apart, by the next window.
  const alike = (i: number, j: number) => lengths[i] === lengths[j] && w0[i] === w0[j] && w1[i] === w1[j] && w2[i] === w2[j];
  for (let k = 0; k < m; ) {
    const i = from[k] as number;
    firsts[lo + k] = k === 0 || !alike(from[k - 1] as number, i) ? 1 : 0;
    let end = k + 1;
    if (lengths[i] === WINDOW + 1) {
      while (end < m && alike(from[end] as number, i)) end++;
      if (end - k > 1) sortRun(keys, order, firsts, lo + k, lo + end, depth + WINDOW);
    }
    k = end;
  }
}

/**
 * One stable counting pass: positions `from` (0..m-1, in their current order) into `to`,
 * ordered by the digit (values[i] >>> shift) & mask. Returns false, writing nothing, when
 * every position has the same digit (nothing would move).
 */
function countingPass(values: Uint32Array, shift: number, mask: number, m: number, from: Int32Array, to: Int32Array, counts: Int32Array): boolean {
  counts.fill(0);
  for (let k = 0; k < m; k++) counts[(((values[from[k] as number] as number) >>> shift) & mask) + 1]!++;
  if (counts[(((values[from[0] as number] as number) >>> shift) & mask) + 1] === m) return false;
  // counts[d] becomes where digit d's positions start.
  for (let d = 1; d <= mask + 1; d++) counts[d]! += counts[d - 1] as number;
  for (let k = 0; k < m; k++) {
    const i = from[k] as number;
    to[counts[((values[i] as number) >>> shift) & mask]!++] = i;
  }
  return true;
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
