// The layout of the worker's local work dir. Every id in a path has been checked with
// @tsmr/common's ids before it gets here, so none can climb out of the dir.
import path from 'node:path';

export class WorkDir {
  constructor(readonly root: string) {}

  /** The job's bundle, fetched once (GetJobBundle). */
  bundle(jobId: string): string {
    return path.join(this.root, 'jobs', jobId, 'job.js');
  }

  jobsDir(): string {
    return path.join(this.root, 'jobs');
  }

  /** Scratch space of one running attempt: spills, the map output being merged, text output. */
  scratch(attemptId: string): string {
    return path.join(this.root, 'spill', attemptId);
  }

  scratchRoot(): string {
    return path.join(this.root, 'spill');
  }

  /** A finished map attempt's output (file.out + index.json), served by the shuffle stream. */
  mapOutput(jobId: string, attemptId: string): string {
    return path.join(this.mapOutputRoot(), jobId, attemptId);
  }

  mapOutputRoot(): string {
    return path.join(this.root, 'map-output');
  }

  /** A file holding this worker's id, so a restarted worker keeps its name. */
  workerIdFile(): string {
    return path.join(this.root, 'worker-id');
  }
}
