import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLocal } from '@tsmr/sdk';
import { generateLogs, parseSize } from './generate-logs';
import uniqueUsers from './job';

function generate(bytes: number, users: number, month: string, seed: number): { text: string; truth: ReturnType<typeof generateLogs> } {
  const chunks: string[] = [];
  const truth = generateLogs({ bytes, users, month, seed }, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), truth };
}

describe('unique-users', () => {
  it.each([
    [40_000, 50, '2026-11', 1],
    [300_000, 2000, '2026-01', 2],
    [1_000_000, 20_000, '2025-12', 3],
  ])('matches the generator truth on %i bytes, %i users, month %s, seed %i', (bytes, users, month, seed) => {
    const { text, truth } = generate(bytes, users, month, seed);
    const { output, counters } = runLocal(uniqueUsers, text, { params: { month }, reducers: 3, splitBytes: 64 * 1024 });
    expect(counters['unique-users']).toBe(truth.uniqueUsers);
    expect(output).toHaveLength(truth.uniqueUsers);
    expect(output.reduce((total, [, hits]) => total + hits, 0)).toBe(truth.monthLines);
    expect(counters['other-months']).toBe(truth.otherMonthLines);
    expect(counters['bad-lines']).toBe(truth.badLines);
    expect(counters.MAP_INPUT_RECORDS).toBe(truth.lines);
  });

  it('counts nothing for a month that is not in the log', () => {
    const { text, truth } = generate(20_000, 100, '2026-11', 4);
    const { output, counters } = runLocal(uniqueUsers, text, { params: { month: '2020-01' } });
    expect(output).toEqual([]);
    expect(counters['unique-users']).toBeUndefined();
    expect(counters['other-months']).toBe(truth.monthLines + truth.otherMonthLines);
  });

  it('generates the same bytes for the same seed, other bytes for another', () => {
    expect(generate(10_000, 100, '2026-11', 9).text).toBe(generate(10_000, 100, '2026-11', 9).text);
    expect(generate(10_000, 100, '2026-11', 9).text).not.toBe(generate(10_000, 100, '2026-11', 10).text);
  });

  it('agrees with a split-on-spaces count on the real sample log', () => {
    const log = readFileSync(join(__dirname, '../../test/fixtures/apache-logs/apache_logs'), 'utf8');
    // The oracle: field 0 is the address, field 2 the user, field 3 "[17/May/2015:10:05:03".
    const hits = new Map<string, number>();
    for (const line of log.split('\n')) {
      const fields = line.split(' ');
      if (fields[3]?.slice(4, 12) !== 'May/2015') continue;
      const user = fields[2] !== '-' ? (fields[2] as string) : (fields[0] as string);
      hits.set(user, (hits.get(user) ?? 0) + 1);
    }
    const { output, counters } = runLocal(uniqueUsers, log, { params: { month: '2015-05' }, reducers: 2, splitBytes: 100_000 });
    expect(counters['unique-users']).toBe(hits.size);
    expect(new Map(output)).toEqual(hits);
    expect(counters['bad-lines']).toBeUndefined();
    expect(hits.size).toBeGreaterThan(1000);
  });

  it('names a malformed month param', () => {
    expect(() => runLocal(uniqueUsers, 'x - - [01/Nov/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 1', { params: { month: '2026-13' } })).toThrow(
      'param month must be YYYY-MM, got "2026-13"',
    );
  });

  it('reads sizes with units', () => {
    expect(parseSize('256MB')).toBe(256 * 1024 * 1024);
    expect(parseSize('64k')).toBe(65536);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('1000')).toBe(1000);
  });
});
