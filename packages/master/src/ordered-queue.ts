// A set kept in the order its members were added (a member removed and added again goes
// last), whose first members are cheap to reach however many were removed before them.
// A JS Set is not: removed entries stay behind as holes that every iteration from the start
// walks past, until the table shrinks to a quarter; taking the first of 5,000 tasks one by
// one cost ≈ 1.5 µs a take. Here removals leave holes too, but the head moves past those at
// the front once, and the array is compacted once holes outnumber members.

export class OrderedQueue<T> {
  private entries: (T | undefined)[] = [];
  /** Index in entries of each member, less `base` (which compaction moves). */
  private readonly position = new Map<T, number>();
  private base = 0;
  private head = 0;

  get size(): number {
    return this.position.size;
  }

  has(member: T): boolean {
    return this.position.has(member);
  }

  add(member: T): void {
    if (this.position.has(member)) return;
    this.position.set(member, this.base + this.entries.length);
    this.entries.push(member);
  }

  delete(member: T): boolean {
    const at = this.position.get(member);
    if (at === undefined) return false;
    this.position.delete(member);
    this.entries[at - this.base] = undefined;
    while (this.head < this.entries.length && this.entries[this.head] === undefined) this.head++;
    // Each compaction drops more holes than it copies members: O(1) a removal, amortized.
    if (this.entries.length > 2 * this.position.size + 16) this.compact();
    return true;
  }

  /** The first member (oldest first) that `accept` accepts. */
  first(accept: (member: T) => boolean): T | undefined {
    for (let i = this.head; i < this.entries.length; i++) {
      const member = this.entries[i];
      if (member !== undefined && accept(member)) return member;
    }
    return undefined;
  }

  clear(): void {
    this.entries = [];
    this.position.clear();
    this.head = 0;
  }

  private compact(): void {
    const members = this.entries.filter((member): member is T => member !== undefined);
    this.base += this.entries.length;
    this.entries = members;
    this.head = 0;
    members.forEach((member, i) => this.position.set(member, this.base + i));
  }
}
