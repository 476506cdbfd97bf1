// The attempts this worker holds: running ones, and finished ones whose report the master
// has not acknowledged yet. Every heartbeat lists them all (so a restarted master learns
// what runs where); a heartbeat reply acknowledges the finished reports it carried.
import { AttemptState, type AttemptReport, type TaskAssignment__Output } from '@tsmr/common';

interface HeldAttempt {
  readonly assignment: TaskAssignment__Output;
  readonly controller: AbortController;
  /** Settles when the attempt's work has stopped (finished, failed or aborted). */
  done: Promise<void>;
  /** Set when the attempt finished: what the next heartbeats carry until acknowledged. */
  report?: AttemptReport;
}

export type RunAttempt = (assignment: TaskAssignment__Output, signal: AbortSignal) => Promise<AttemptReport>;

export class AttemptTracker {
  private readonly held = new Map<string, HeldAttempt>();

  /** `finished` is called when an attempt finishes while still held (not killed). */
  constructor(
    private readonly run: RunAttempt,
    private readonly finished: () => void,
  ) {}

  get running(): number {
    let n = 0;
    for (const attempt of this.held.values()) if (attempt.report === undefined) n++;
    return n;
  }

  /** Starts an attempt, unless this worker already holds it (a repeated assignment). */
  launch(assignment: TaskAssignment__Output): void {
    if (this.held.has(assignment.attemptId)) return;
    const attempt: HeldAttempt = { assignment, controller: new AbortController(), done: Promise.resolve() };
    this.held.set(assignment.attemptId, attempt);
    attempt.done = this.run(assignment, attempt.controller.signal).then((report) => {
      if (this.held.get(assignment.attemptId) !== attempt) return; // killed meanwhile
      attempt.report = report;
      this.finished();
    });
  }

  /**
   * Stops an attempt and forgets it; resolves once its work has stopped (at once if it
   * is not held), so the caller can delete its files.
   */
  kill(attemptId: string): Promise<void> {
    const attempt = this.held.get(attemptId);
    if (attempt === undefined) return Promise.resolve();
    this.held.delete(attemptId);
    attempt.controller.abort(new Error(`attempt ${attemptId} killed`));
    return attempt.done;
  }

  /** Held job ids: their files must stay. */
  jobs(): Set<string> {
    return new Set([...this.held.values()].map((a) => a.assignment.jobId));
  }

  /** What a heartbeat reports: RUNNING for running attempts, the report of finished ones. */
  reports(): AttemptReport[] {
    return [...this.held.entries()].map(([attemptId, a]) => a.report ?? { attemptId, state: AttemptState.RUNNING });
  }

  /** The master received these reports: finished attempts among them are no longer held. */
  acknowledge(sent: readonly AttemptReport[]): void {
    for (const report of sent) {
      const attempt = this.held.get(report.attemptId ?? '');
      if (attempt !== undefined && attempt.report === report) this.held.delete(report.attemptId ?? '');
    }
  }

  /** Aborts everything (worker shutdown); resolves when all work has stopped. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((id) => this.kill(id)));
  }
}
