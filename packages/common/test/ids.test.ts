// Attempt ids read back into their parts: the job and task a report names.
import { attemptId, attemptIdParts, jobId, taskId } from '../src/ids';

it.each([
  [jobId('20261201000000', 1), 'm', 3, 0],
  [jobId('20261201000000', 12345), 'r', 1_234_567, 11],
] as const)('an attempt of %s\'s %s task %i (attempt %i) reads back as that job and task', (job, kind, index, number) => {
  expect(attemptIdParts(attemptId(taskId(job, kind, index), number))).toEqual({ job, kind, index });
});

it('a string that is not an attempt id reads as a job and task that do not exist', () => {
  for (const id of ['', 'attempt_', 'x', 'task_20261201000000_0001_m_000003', '_____']) {
    expect(attemptIdParts(id).job).not.toMatch(/^job_\d{14}_\d{4,}$/);
  }
});
