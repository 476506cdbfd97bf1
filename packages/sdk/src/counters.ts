// Counters: named sums that user code and the engine increment, merged across tasks.

/** The engine's own counters (Hadoop's names). User counters may not reuse them. */
export const BUILTIN_COUNTERS = [
  'MAP_INPUT_RECORDS',
  'MAP_OUTPUT_RECORDS',
  'COMBINE_INPUT_RECORDS',
  'COMBINE_OUTPUT_RECORDS',
  'REDUCE_INPUT_GROUPS',
  'REDUCE_INPUT_RECORDS',
  'REDUCE_OUTPUT_RECORDS',
] as const;
export type BuiltinCounter = (typeof BUILTIN_COUNTERS)[number];

/** What `ctx.counter(name)` returns. */
export interface Counter {
  increment(n?: number): void;
}

/** A set of counters. Serializes to a plain `{ name: total }` object. */
export class Counters {
  private readonly totals = new Map<string, number>();
  private readonly handles = new Map<string, Counter>();

  /** A handle for a user counter (cached, so calling this per record is cheap). */
  counter(name: string): Counter {
    let handle = this.handles.get(name);
    if (handle === undefined) {
      if (typeof name !== 'string' || name === '') throw new TypeError('a counter name must be a non-empty string');
      if ((BUILTIN_COUNTERS as readonly string[]).includes(name)) {
        throw new TypeError(`counter name "${name}" is reserved for a built-in counter`);
      }
      handle = { increment: (n = 1) => this.add(name, n) };
      this.handles.set(name, handle);
    }
    return handle;
  }

  /** Adds n (default 1) to a counter, built-in or not. */
  add(name: string, n = 1): void {
    if (!Number.isFinite(n)) throw new TypeError(`counter "${name}" incremented by ${String(n)}; use a finite number`);
    this.totals.set(name, (this.totals.get(name) ?? 0) + n);
  }

  /** Adds every total of `other` into these counters. */
  merge(other: Counters | Readonly<Record<string, number>>): void {
    const entries = other instanceof Counters ? other.totals : Object.entries(other);
    for (const [name, n] of entries) this.add(name, n);
  }

  get(name: string): number {
    return this.totals.get(name) ?? 0;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }
}
