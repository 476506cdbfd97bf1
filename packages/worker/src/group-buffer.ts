// One partition of a map attempt's buffered output, grouped by key in memory. Primitive
// keys are grouped in a hash map (one entry per distinct key, values in emit order) and
// only the distinct keys are sorted, which yields exactly groupSorted(sortRecords(records))
// at a fraction of the cost when keys repeat. Other keys (Buffers, arrays, objects) cannot
// be hashed by value; they sort after every primitive, so they are sorted apart. The
// buffer counts roughly how many bytes of memory its records take (the sort budget).
import { compareKeys, groupSorted, sortRecords, type Value } from '@tsmr/sdk';
import type { Group } from './merge';
import type { RunWriter } from './run-writer';

/** Keys a Map can group exactly as compareKeys does (SameValueZero: -0 is 0, like the key order). */
type PrimitiveKey = string | number | boolean | null;

const RECORD_OVERHEAD = 32;

/** Rough bytes a value takes in memory. */
function sizeOf(x: Value): number {
  if (typeof x === 'string') return 16 + x.length;
  if (typeof x !== 'object' || x === null) return 8;
  if (x instanceof Uint8Array) return 16 + x.length;
  let size = 16;
  if (Array.isArray(x)) for (const el of x as readonly Value[]) size += sizeOf(el);
  else for (const [k, v] of Object.entries(x)) size += k.length + sizeOf(v);
  return size;
}

/** A key's values once it has more than one (a lone value is kept as it is: most keys of a map have one). */
class Values {
  constructor(readonly list: Value[]) {}
}

export class GroupBuffer {
  private primitive = new Map<PrimitiveKey, Value | Values>();
  private complex: Array<[Value, Value]> = [];
  private onlyStrings = true;
  /** Rough bytes of memory the buffered records take. */
  bytes = 0;
  records = 0;

  add(key: Value, value: Value): void {
    this.bytes += RECORD_OVERHEAD + sizeOf(key) + sizeOf(value);
    this.records++;
    if (typeof key === 'object' && key !== null) {
      this.complex.push([key, value]);
      return;
    }
    const held = this.primitive.get(key);
    if (held === undefined) {
      this.primitive.set(key, value);
      if (typeof key !== 'string') this.onlyStrings = false;
    } else if (held instanceof Values) {
      held.list.push(value);
    } else {
      this.primitive.set(key, new Values([held, value]));
    }
  }

  /** Writes the records, sorted by key (stable), to `out`; empties the buffer. */
  writeSorted(out: RunWriter): void {
    writeGroups(this.takeSortedGroups(), out);
  }

  /** The buffered records as groups in key order; empties the buffer. */
  takeSortedGroups(): Group[] {
    const { primitive, complex } = this;
    const keys = [...primitive.keys()];
    // Strings alone: the default sort is compareKeys' order (UTF-16 code units), and faster.
    if (this.onlyStrings) keys.sort();
    else keys.sort(compareKeys);
    const groups = keys.map((key): Group => {
      const held = primitive.get(key) as Value | Values;
      return [key, held instanceof Values ? held.list : [held]];
    });
    this.primitive = new Map();
    this.complex = [];
    this.onlyStrings = true;
    this.bytes = 0;
    this.records = 0;
    return complex.length === 0 ? groups : groups.concat(groupSorted(sortRecords(complex)));
  }
}

/** Writes each group's records, in order, to `out`. */
export function writeGroups(groups: readonly Group[], out: RunWriter): void {
  for (const [key, values] of groups) for (const value of values) out.add(key, value);
}
