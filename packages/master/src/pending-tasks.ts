// A job's tasks waiting for a worker, in the order they became ready, with an index by
// the datanodes that hold each map's split: a heartbeat finds a node-local map without
// scanning thousands of queued tasks.

export interface Queueable {
  /** Datanode ids holding the task's input (empty for reduces). */
  readonly hosts: readonly string[];
}

export class PendingTasks<T extends Queueable> {
  private readonly all = new Set<T>();
  private readonly byHost = new Map<string, Set<T>>();

  get size(): number {
    return this.all.size;
  }

  add(task: T): void {
    if (this.all.has(task)) return;
    this.all.add(task);
    for (const host of task.hosts) {
      let tasks = this.byHost.get(host);
      if (!tasks) this.byHost.set(host, (tasks = new Set()));
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
    return first(this.byHost.get(host) ?? [], eligible);
  }

  /** The first waiting task (oldest first) that `eligible` accepts. */
  firstOf(eligible: (task: T) => boolean): T | undefined {
    return first(this.all, eligible);
  }

  clear(): void {
    this.all.clear();
    this.byHost.clear();
  }
}

function first<T>(tasks: Iterable<T>, eligible: (task: T) => boolean): T | undefined {
  for (const task of tasks) if (eligible(task)) return task;
  return undefined;
}
