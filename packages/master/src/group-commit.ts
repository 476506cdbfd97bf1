// Group commit (as databases do it): requests that arrive in the same turn of the event
// loop are applied together, in one store transaction, and each is answered once that
// transaction has committed. A busy master then writes each page its heartbeats change
// once per group instead of once per heartbeat; an idle one answers a lone heartbeat
// as soon as its commit is done, as if there were no grouping. While one group's commit
// is under way (on the store's thread), the next group is applied.

/** The outcome of one request of a group: its answer, or why it failed (alone). */
export type Settled<T> = { value: T } | { error: unknown };

interface Waiting<In, Out> {
  input: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

export class GroupCommit<In, Out> {
  private waiting: Waiting<In, Out>[] = [];

  /** `apply` runs a group in one transaction and, once it is committed, settles each request of it, in order. */
  constructor(private readonly apply: (inputs: In[]) => Promise<Settled<Out>[]>) {}

  submit(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      // setImmediate runs once the I/O of this turn (every request already received) has been read.
      if (this.waiting.push({ input, resolve, reject }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const group = this.waiting;
    this.waiting = [];
    let outcomes: Settled<Out>[];
    try {
      outcomes = await this.apply(group.map((request) => request.input));
    } catch (err) {
      for (const request of group) request.reject(err);
      return;
    }
    group.forEach((request, i) => {
      const outcome = outcomes[i]!;
      if ('value' in outcome) request.resolve(outcome.value);
      else request.reject(outcome.error);
    });
  }
}
