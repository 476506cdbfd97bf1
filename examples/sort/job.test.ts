import { runLocal } from '@tsmr/sdk';
import sort from './job';

/** TeraGen-shaped lines: a 10-character key from a seeded generator, then a payload. */
function records(count: number, seed: number): string[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  return Array.from({ length: count }, (_, i) => {
    const key = Array.from({ length: 10 }, () => String.fromCharCode(33 + (next() % 94))).join('');
    return `${key}${String(i).padStart(10, '0')}${'x'.repeat(79)}`;
  });
}

describe('sort', () => {
  const lines = records(5000, 7);
  const input = lines.join('\n') + '\n';
  const keys = lines.map((l) => l.slice(0, 10)).sort();
  // Cut points at the quartiles of the keys, as a sampler would pick them.
  const cuts = [1, 2, 3].map((q) => keys[(q * keys.length) / 4]!);

  it('with R−1 cut points, the partitions in order are globally sorted and hold every record', () => {
    const { partitions } = runLocal(sort, input, { reducers: 4, params: { cuts: JSON.stringify(cuts) }, splitBytes: 64 * 1024 });
    expect(partitions.map((p) => p.length).every((n) => n > 1000 && n < 1500)).toBe(true);
    const all = partitions.flat().map(([key, rest]) => `${key}${rest}`);
    expect(all).toEqual([...lines].sort((a, b) => (a.slice(0, 10) < b.slice(0, 10) ? -1 : a.slice(0, 10) > b.slice(0, 10) ? 1 : 0)));
  });

  it('refuses to run with the wrong number of cut points', () => {
    expect(() => runLocal(sort, input, { reducers: 3, params: { cuts: JSON.stringify(cuts) } })).toThrow(/needs 2 cut points for 3 reducers/);
  });
});
