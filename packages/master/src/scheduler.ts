// Which waiting tasks a worker gets on a heartbeat. Jobs are served in submission order;
// within a job: maps whose split has a replica on the worker's datanode first; any other
// map only once the job has gone without a local slot for the locality delay (delay
// scheduling, as Hadoop's fair scheduler does it); reduces once every map has succeeded.
// A job that blacklisted the worker gives it nothing. A slot no waiting task wants may get
// a backup attempt of a straggler (one per heartbeat; see Speculator).
import type { JobInProgress, TaskInProgress } from './job-in-progress';
import type { Speculator } from './speculator';

export interface Placement {
  task: TaskInProgress;
  /** A map whose split has a replica on the worker's own datanode. */
  dataLocal: boolean;
  /** A backup attempt of a task that is already running. */
  speculative: boolean;
}

export interface WorkerView {
  id: string;
  /** The datanode beside the worker ('' when none). */
  datanodeId: string;
}

export interface Liveness {
  readonly liveCount: number;
  isLive(workerId: string): boolean;
}

export class Scheduler {
  constructor(
    private readonly localityDelayMs: number,
    private readonly speculator: Speculator,
  ) {}

  /** Up to `slots` tasks for the worker, waiting ones taken off their queues; `jobs` in submission order. */
  assign(jobs: ReadonlyMap<string, JobInProgress>, worker: WorkerView, slots: number, workers: Liveness, now: number): Placement[] {
    const placements: Placement[] = [];
    const eligible = (task: TaskInProgress) => mayRunOn(task, worker.id, workers);
    // Each job once: one that has nothing for the worker has nothing later in the same heartbeat either.
    for (const job of jobs.values()) {
      if (job.blacklist.excludes(worker.id, workers)) continue;
      while (placements.length < slots) {
        const placement = this.pick(job, worker, eligible, now);
        if (!placement) break;
        job.queueOf(placement.task).remove(placement.task);
        placements.push(placement);
      }
      if (placements.length === slots) return placements;
    }
    for (const job of jobs.values()) {
      const straggler = job.blacklist.excludes(worker.id, workers) ? undefined : this.speculator.straggler(job, worker.id, now);
      if (straggler) {
        placements.push({ task: straggler, dataLocal: isLocal(straggler, worker), speculative: true });
        break;
      }
    }
    return placements;
  }

  private pick(job: JobInProgress, worker: WorkerView, eligible: (task: TaskInProgress) => boolean, now: number): Placement | undefined {
    if (job.pendingMaps.size > 0) {
      const local = worker.datanodeId ? job.pendingMaps.firstOnHost(worker.datanodeId, eligible) : undefined;
      if (local) {
        job.localityWaitSince = undefined;
        return { task: local, dataLocal: true, speculative: false };
      }
      job.localityWaitSince ??= now;
      if (now - job.localityWaitSince >= this.localityDelayMs) {
        const any = job.pendingMaps.firstOf(eligible);
        if (any) return { task: any, dataLocal: false, speculative: false };
      }
    }
    if (job.allMapsDone) {
      const reduce = job.pendingReduces.firstOf(eligible);
      if (reduce) return { task: reduce, dataLocal: false, speculative: false };
    }
    return undefined;
  }
}

function isLocal(task: TaskInProgress, worker: WorkerView): boolean {
  return worker.datanodeId !== '' && task.hosts.includes(worker.datanodeId);
}

/** A task goes back to a worker it failed on only when every live worker has failed it. */
function mayRunOn(task: TaskInProgress, workerId: string, workers: Liveness): boolean {
  if (!task.failedOn.has(workerId)) return true;
  let liveFailed = 0;
  for (const id of task.failedOn) if (workers.isLive(id)) liveFailed++;
  return liveFailed >= workers.liveCount;
}
