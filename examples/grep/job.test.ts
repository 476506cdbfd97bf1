import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLocal } from '@tsmr/sdk';
import grep from './job';

const log = readFileSync(join(__dirname, '../../test/fixtures/apache-logs/apache_logs'), 'utf8');

describe('grep', () => {
  it('counts matching lines per matched text, like a filter over the lines', () => {
    const pattern = '" (404|500) ';
    const lines = log.split('\n').filter((l) => l !== '');
    const expected = new Map<string, number>();
    for (const line of lines) {
      for (const code of ['404', '500']) {
        if (line.includes(`" ${code} `)) expected.set(`" ${code} `, (expected.get(`" ${code} `) ?? 0) + 1);
      }
    }
    const { output, counters } = runLocal(grep, log, { params: { pattern }, splitBytes: 256 * 1024, reducers: 2 });
    expect(new Map(output)).toEqual(expected);
    expect(counters['matching-lines']).toBe((expected.get('" 404 ') ?? 0) + (expected.get('" 500 ') ?? 0));
    expect(counters['matching-lines']).toBeGreaterThan(0);
  });

  it('takes regex flags and counts a line once, by its first match', () => {
    const text = 'Error here\nno problem\nERROR and error again\n';
    expect(runLocal(grep, text, { params: { pattern: 'error', flags: 'gi' } }).output).toEqual([
      ['ERROR', 1],
      ['Error', 1],
    ]);
  });
});
