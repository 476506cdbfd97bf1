import { Counters } from '@tsmr/sdk';

describe('Counters', () => {
  it('increments by 1 or n, merges and serializes to a plain object', () => {
    const a = new Counters();
    a.counter('hits').increment();
    a.counter('hits').increment(4);
    a.add('MAP_INPUT_RECORDS', 10);
    const b = new Counters();
    b.counter('hits').increment();
    b.counter('misses').increment(2);
    a.merge(b);
    a.merge({ misses: 1 });
    expect(a.toJSON()).toEqual({ hits: 6, MAP_INPUT_RECORDS: 10, misses: 3 });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a.toJSON());
    expect(a.get('none')).toBe(0);
  });

  it('refuses non-finite increments and empty names', () => {
    const c = new Counters();
    expect(() => c.counter('x').increment(NaN)).toThrow('counter "x" incremented by NaN');
    expect(() => c.counter('')).toThrow(/non-empty/);
  });
});
