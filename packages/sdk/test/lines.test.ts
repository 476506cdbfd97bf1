import { LineSplitter, linesOfSplit, splitLines } from '@tsmr/sdk';
import { mulberry32 } from './random';

function viaChunks(bytes: Buffer, cuts: number[]): string[] {
  const splitter = new LineSplitter();
  const lines: string[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    lines.push(...splitter.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return lines.concat(splitter.end());
}

describe('splitLines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\nb', ['a', 'b']],
    ['\n', ['']],
    ['\n\n', ['', '']],
    ['a\n\nb\n', ['a', '', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['a\r\n\r\nb', ['a', '', 'b']],
    ['a\rb\n', ['a\rb']],
    ['last\r', ['last']],
    ['é😀\n€', ['é😀', '€']],
  ])('%j gives %j', (text, lines) => {
    expect(splitLines(text)).toEqual(lines);
    expect(splitLines(Buffer.from(text))).toEqual(lines);
  });
});

describe('LineSplitter', () => {
  const text = 'x😀y\r\n😀\n\n€é\r\nend😀';
  const bytes = Buffer.from(text);
  const expected = ['x😀y', '😀', '', '€é', 'end😀'];

  it('gives the same lines wherever the chunks are cut (inside a 4-byte emoji, between \\r and \\n)', () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(viaChunks(bytes, [cut])).toEqual(expected);
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b++) expect(viaChunks(bytes, [a, b])).toEqual(expected);
    }
  });

  it('handles one-byte chunks', () => {
    expect(viaChunks(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(expected);
  });

  it('handles a CRLF split between chunks', () => {
    expect(viaChunks(Buffer.from('a\r\nb'), [2])).toEqual(['a', 'b']);
  });

  it('does not keep a reference to a chunk the caller reuses', () => {
    const splitter = new LineSplitter();
    const chunk = Buffer.from('ab\ncd');
    expect(splitter.push(chunk)).toEqual(['ab']);
    chunk.fill(0x7a); // the caller refills its buffer
    expect(splitter.push(Buffer.from('e\n'))).toEqual(['cde']);
    expect(splitter.end()).toEqual([]);
  });
});

describe('linesOfSplit', () => {
  it('gives every line exactly once over splits that tile the input, whatever the split size', () => {
    const rand = mulberry32(5);
    const words = ['', 'a', 'bb', '😀', 'é€', 'ccc\r'];
    const text = Array.from({ length: 60 }, () => words[Math.floor(rand() * words.length)]).join('\n');
    const content = Buffer.from(text);
    const all = splitLines(content);
    for (let size = 1; size <= content.length + 1; size++) {
      const lines: string[] = [];
      for (let start = 0; start < content.length; start += size) {
        lines.push(...linesOfSplit(content, start, Math.min(start + size, content.length)));
      }
      expect(lines).toEqual(all);
    }
  });

  it('owns the lines that start inside it and reads past its end to finish the last', () => {
    const content = Buffer.from('aaa\nbbb\nccc\n');
    expect(linesOfSplit(content, 0, 5)).toEqual(['aaa', 'bbb']);
    expect(linesOfSplit(content, 5, 12)).toEqual(['ccc']);
    expect(linesOfSplit(content, 4, 8)).toEqual(['bbb']);
    expect(linesOfSplit(content, 1, 3)).toEqual([]);
  });
});
