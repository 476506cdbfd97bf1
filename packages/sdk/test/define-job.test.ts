import { defineJob, InvalidJobError, validateJob } from '@tsmr/sdk';

const map = (): void => {};

describe('validateJob', () => {
  it('accepts a job made by defineJob', () => {
    const job = defineJob({ name: 'ok', params: { n: 1 }, input: 'whole-file', map, reduce: () => {} });
    expect(() => validateJob(job)).not.toThrow();
  });

  it.each([
    ['nothing', undefined, 'a job must be an object made by defineJob({...}), got undefined'],
    ['a function', map, 'got function'],
    ['no name', { map }, 'job has no name'],
    ['an empty name', { name: ' ', map }, 'job has no name'],
    ['no map', { name: 'j' }, 'job "j" has no map function'],
    ['a map that is not a function', { name: 'j', map: 'x' }, 'map must be a function, got string'],
    ['a reduce that is not a function', { name: 'j', map, reduce: {} }, 'reduce must be a function, got object'],
    ['a combine that is not a function', { name: 'j', map, combine: 1 }, 'combine must be a function, got number'],
    ['a partition that is not a function', { name: 'j', map, partition: null }, 'partition must be a function, got null'],
    ['a bad input mode', { name: 'j', map, input: 'blocks' }, `input must be one of 'lines', 'whole-file', got "blocks"`],
    ['params that are not an object', { name: 'j', map, params: ['a'] }, 'params must be an object of default values, got array'],
    ['a param that is not JSON', { name: 'j', map, params: { when: new Date(0) } }, 'param "when" must default to JSON data'],
  ])('rejects %s, saying what is wrong', (_what, job, message) => {
    expect(() => validateJob(job)).toThrow(InvalidJobError);
    expect(() => validateJob(job)).toThrow(message);
  });

  it('runs when the job is defined, so a broken job fails where it is written', () => {
    expect(() => defineJob({ name: 'j', map, input: 'blocks' as 'lines' })).toThrow(InvalidJobError);
  });
});
