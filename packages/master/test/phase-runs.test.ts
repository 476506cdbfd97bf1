// The speculator's view of a phase: finished run times kept sorted for their median.
import { PhaseRuns } from '../src/phase-runs';

it('keeps the median of finished run times as tasks finish and unfinish', () => {
  const runs = new PhaseRuns();
  for (const ms of [30, 10, 20, 40]) runs.finished(ms);
  expect(runs.finishedCount).toBe(4);
  expect(runs.medianRunTime()).toBe(25);
  runs.unfinished(40);
  runs.unfinished(99); // never finished: nothing changes
  expect(runs.finishedCount).toBe(3);
  expect(runs.medianRunTime()).toBe(20);
  runs.finished(20);
  runs.unfinished(20);
  expect(runs.medianRunTime()).toBe(20);
});
