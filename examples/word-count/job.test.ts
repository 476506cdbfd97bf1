import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLocal } from '@tsmr/sdk';
import wordCount from './job';

/** The oracle: a plain Map over the whole text. */
function countWords(text: string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('word-count', () => {
  it('counts lowercased whitespace-separated words', () => {
    expect(runLocal(wordCount, 'The cat\tsat.\n\nthe CAT  sat\r\n').output).toEqual([
      ['cat', 2],
      ['sat', 1],
      ['sat.', 1],
      ['the', 2],
    ]);
  });

  it('agrees with a plain Map count on a real file, over several splits and reducers', () => {
    const text = readFileSync(join(__dirname, '../../test/fixtures/apache-logs/README.md'), 'utf8').repeat(20);
    const expected = countWords(text);
    for (const [reducers, splitBytes] of [
      [1, 1 << 20],
      [3, 500],
    ] as const) {
      const { output, counters } = runLocal(wordCount, text, { reducers, splitBytes });
      expect([...output].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(expected);
      expect(counters.COMBINE_OUTPUT_RECORDS).toBeLessThan(counters.MAP_OUTPUT_RECORDS ?? 0);
    }
  });
});
