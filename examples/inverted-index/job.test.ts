import { runLocal } from '@tsmr/sdk';
import invertedIndex from './job';

describe('inverted-index', () => {
  const files = [
    { path: '/docs/b.txt', content: 'The quick brown fox.\nthe fox, again: fox!\n' },
    { path: '/docs/a.txt', content: 'A lazy dog; the END\n' },
    { path: '/docs/c.txt', content: 'Ünïcode fox café\n\n' },
  ];

  /** The oracle: for each file, the set of its words, inverted. */
  function invert(): Array<[string, string[]]> {
    const index = new Map<string, Set<string>>();
    for (const { path, content } of files) {
      for (const word of content.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (word !== '') index.set(word, (index.get(word) ?? new Set()).add(path));
      }
    }
    return [...index]
      .map(([word, paths]): [string, string[]] => [word, [...paths].sort()])
      .sort(([a], [b]) => (a < b ? -1 : 1));
  }

  it('lists, for each word, the sorted paths of the files containing it', () => {
    const { output } = runLocal(invertedIndex, files, { splitBytes: 16 });
    expect(output).toEqual(invert());
    expect(new Map(output).get('fox')).toEqual(['/docs/b.txt', '/docs/c.txt']);
  });

  it('is the same with several reducers, once partitions are concatenated and sorted', () => {
    const { output } = runLocal(invertedIndex, files, { reducers: 3 });
    expect([...output].sort(([a], [b]) => (a < b ? -1 : 1))).toEqual(invert());
  });
});
