// Job, task and attempt ids, named as Hadoop names them. They become file names on
// workers and in the DFS, so whoever receives one checks it here before using it.
import { InvalidArgumentError } from './errors';

export type TaskKind = 'm' | 'r';

const JOB_ID = /^job_(\d{14})_(\d{4,})$/;
const TASK_ID = /^task_(\d{14})_(\d{4,})_([mr])_(\d{6,})$/;
const ATTEMPT_ID = /^attempt_(\d{14})_(\d{4,})_([mr])_(\d{6,})_(\d+)$/;

/** `job_<stamp>_<NNNN>`: stamp = the master's first start (yyyymmddHHMMSS). */
export function jobId(stamp: string, sequence: number): string {
  return `job_${stamp}_${String(sequence).padStart(4, '0')}`;
}

export function taskId(job: string, kind: TaskKind, index: number): string {
  return `task_${job.slice(4)}_${kind}_${String(index).padStart(6, '0')}`;
}

export function attemptId(task: string, attempt: number): string {
  return `attempt_${task.slice(5)}_${attempt}`;
}

/**
 * An attempt id's job id, and its task's kind and index, read from the id's end without
 * checking it (a busy master reads thousands a second, of ids already checked): from a
 * string that is not an attempt id, a job and task that do not exist.
 */
export function attemptIdParts(attempt: string): { job: string; kind: TaskKind; index: number } {
  const numberAt = attempt.lastIndexOf('_');
  const indexAt = attempt.lastIndexOf('_', numberAt - 1);
  return { job: `job_${attempt.slice(8, indexAt - 2)}`, kind: attempt[indexAt - 1] as TaskKind, index: Number(attempt.slice(indexAt + 1, numberAt)) };
}

/** The job an attempt id belongs to. */
export function jobOfAttempt(attempt: string): string {
  return `job_${checkAttemptId(attempt).split('_').slice(1, 3).join('_')}`;
}

/** The task an attempt id belongs to. */
export function taskOfAttempt(attempt: string): string {
  return `task_${checkAttemptId(attempt).slice(8, attempt.lastIndexOf('_'))}`;
}

function check(re: RegExp, what: string, id: string): string {
  if (!re.test(id)) throw new InvalidArgumentError(`'${String(id).slice(0, 80)}' is not a valid ${what} id`);
  return id;
}

export const checkJobId = (id: string) => check(JOB_ID, 'job', id);
export const checkTaskId = (id: string) => check(TASK_ID, 'task', id);
export const checkAttemptId = (id: string) => check(ATTEMPT_ID, 'attempt', id);

/** yyyymmddHHMMSS of a date, in UTC. */
export function idStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
