// The worker's heartbeat to the master (work rides back on the reply): every interval the
// reply names, and at once when an attempt finishes. A failed heartbeat is simply tried
// again at the next beat, so the worker rides out a master restart.
import type { HeartbeatReply__Output, Logger, TaskAssignment__Output, WorkerHeartbeat } from '@tsmr/common';
import type { AttemptTracker } from './attempt-tracker';

const DEFAULT_INTERVAL_MS = 1000;

export interface HeartbeatLoopOptions {
  heartbeat: (request: WorkerHeartbeat) => Promise<HeartbeatReply__Output>;
  tracker: AttemptTracker;
  identity: { workerId: string; shuffleAddress: string; datanodeId: string; slots: number };
  assign: (assignment: TaskAssignment__Output) => void;
  kill: (attemptId: string) => void;
  log: Logger;
}

export class HeartbeatLoop {
  private intervalMs = DEFAULT_INTERVAL_MS;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private beatAgain = false;
  private stopped = false;
  private failing = false;

  constructor(private readonly options: HeartbeatLoopOptions) {}

  start(): void {
    this.beat();
  }

  /** Heartbeat as soon as possible (an attempt finished). */
  now(): void {
    if (this.inFlight !== undefined) this.beatAgain = true;
    else this.beat();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private beat(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.beatAgain = false;
    this.inFlight = this.send().finally(() => {
      this.inFlight = undefined;
      if (this.stopped) return;
      if (this.beatAgain) this.beat();
      else this.timer = setTimeout(() => this.beat(), this.intervalMs);
    });
  }

  private async send(): Promise<void> {
    const { tracker, identity, log } = this.options;
    const reports = tracker.reports();
    let reply: HeartbeatReply__Output;
    try {
      reply = await this.options.heartbeat({ ...identity, freeSlots: Math.max(0, identity.slots - tracker.running), reports });
    } catch (err) {
      if (!this.failing) log.warn({ err }, 'heartbeat failed; retrying every interval');
      this.failing = true;
      return;
    }
    if (this.failing) log.info('heartbeat answered again');
    this.failing = false;
    tracker.acknowledge(reports);
    if (reply.heartbeatIntervalMs > 0) this.intervalMs = reply.heartbeatIntervalMs;
    for (const attemptId of reply.killAttempts) this.options.kill(attemptId);
    for (const assignment of reply.assignments) this.options.assign(assignment);
  }
}
