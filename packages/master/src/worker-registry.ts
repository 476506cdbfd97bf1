// The workers the master has heard from, and when. A worker silent for the worker timeout
// is lost: the job tracker then re-runs its attempts and the map outputs it held.
import type { Logger } from '@tsmr/common';
import type { Liveness } from './scheduler';

export interface WorkerInfo {
  id: string;
  /** host:port of its shuffle stream. */
  shuffleAddress: string;
  /** The datanode beside it ('' when none): decides which splits are local to it. */
  datanodeId: string;
  host: string;
  lastSeen: number;
}

export class WorkerRegistry implements Liveness {
  private readonly workers = new Map<string, WorkerInfo>();

  constructor(
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  get liveCount(): number {
    return this.workers.size;
  }

  isLive(id: string): boolean {
    return this.workers.has(id);
  }

  heartbeat(worker: Omit<WorkerInfo, 'lastSeen'>, now: number): WorkerInfo {
    const known = this.workers.get(worker.id);
    if (!known) this.log.info({ workerId: worker.id, shuffleAddress: worker.shuffleAddress, datanodeId: worker.datanodeId }, 'worker joined');
    // Unchanged, as it nearly always is: kept, so the rows of its attempts share its strings
    // and no object per heartbeat outlives the heartbeat (less for the GC to copy).
    if (known && known.shuffleAddress === worker.shuffleAddress && known.datanodeId === worker.datanodeId && known.host === worker.host) {
      known.lastSeen = now;
      return known;
    }
    const info = { ...worker, lastSeen: now };
    this.workers.set(worker.id, info);
    return info;
  }

  /**
   * A worker named in the restored state of a restarted master: presumed alive until it
   * has been silent for the timeout, so its attempts and map outputs get that long to be claimed.
   */
  restore(id: string, shuffleAddress: string, now: number): void {
    if (this.workers.has(id)) return;
    this.workers.set(id, { id, shuffleAddress, datanodeId: '', host: '', lastSeen: now });
  }

  /** Removes and returns the workers silent for longer than the timeout. */
  expire(now: number): WorkerInfo[] {
    const lost: WorkerInfo[] = [];
    for (const worker of this.workers.values()) {
      if (now - worker.lastSeen > this.timeoutMs) lost.push(worker);
    }
    for (const worker of lost) {
      this.workers.delete(worker.id);
      this.log.warn({ workerId: worker.id, silentMs: now - worker.lastSeen }, 'worker lost');
    }
    return lost;
  }
}
