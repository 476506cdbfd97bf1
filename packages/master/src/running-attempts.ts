// The attempts of one phase of a job that are running, oldest first: a list threaded through
// the attempts themselves (an attempt is in one phase's list at most), so adding and removing
// one allocates nothing. A JS Set did this before, but a busy master adds and removes
// thousands a second, and a Set's hash table is reallocated as it grows, as deleted entries
// fill it and as it shrinks: in the scheduler bench, such reallocations (this list's, and
// the map of every running attempt it replaced) were a quarter of the master's page faults
// (perf, page-faults event), fresh memory for each new table.

/** What the list needs of a member: its neighbours, which only the list sets. */
export interface Linked<T> {
  earlier: T | undefined;
  later: T | undefined;
}

export class RunningAttempts<T extends Linked<T>> implements Iterable<T> {
  private oldest: T | undefined;
  private newest: T | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the member as the newest. */
  add(member: T): void {
    member.earlier = this.newest;
    member.later = undefined;
    if (this.newest) this.newest.later = member;
    else this.oldest = member;
    this.newest = member;
    this.count++;
  }

  /** Removes the member; false (and nothing changes) when it is not in the list. */
  delete(member: T): boolean {
    const { earlier, later } = member;
    if ((earlier ? earlier.later : this.oldest) !== member) return false;
    if (earlier) earlier.later = later;
    else this.oldest = later;
    if (later) later.earlier = earlier;
    else this.newest = earlier;
    member.earlier = member.later = undefined;
    this.count--;
    return true;
  }

  /** Oldest first; the member just yielded may be removed meanwhile. */
  *[Symbol.iterator](): Iterator<T> {
    for (let member = this.oldest; member; ) {
      const later: T | undefined = member.later;
      yield member;
      member = later;
    }
  }
}
