// A job's tasks waiting for a worker, in the order they became ready, with an index by
// the datanodes that hold each map's split: a heartbeat finds a node-local map without
// scanning thousands of queued tasks.
import { OrderedQueue } from './ordered-queue';

export interface Queueable {
  /** Datanode ids holding the task's input (empty for reduces). */
  readonly hosts: readonly string[];
}

export class PendingTasks<T extends Queueable> {
  private readonly all = new OrderedQueue<T>();
  private readonly byHost = new Map<string, OrderedQueue<T>>();

  get size(): number {
    return this.all.size;
  }

  add(task: T): void {
    if (this.all.has(task)) return;
    this.all.add(task);
    for (const host of task.hosts) {
      let tasks = this.byHost.get(host);
      if (!tasks) this.byHost.set(host, (tasks = new OrderedQueue()));
      tasks.add(task);
    }
  }

  remove(task: T): void {
    if (!this.all.delete(task)) return;
    for (const host of task.hosts) {
      const tasks = this.byHost.get(host);
      tasks?.delete(task);
      if (tasks?.size === 0) this.byHost.delete(host);
    }
  }

  /** The first waiting task (oldest first) with input on `host` that `eligible` accepts. */
  firstOnHost(host: string, eligible: (task: T) => boolean): T | undefined {
    return this.byHost.get(host)?.first(eligible);
  }

  /** The first waiting task (oldest first) that `eligible` accepts. */
  firstOf(eligible: (task: T) => boolean): T | undefined {
    return this.all.first(eligible);
  }

  clear(): void {
    this.all.clear();
    this.byHost.clear();
  }
}
