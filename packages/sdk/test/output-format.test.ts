import { formatRecord, formatRecords, parseTextOutput } from '@tsmr/sdk';

describe('text output format', () => {
  it('writes strings raw, Buffers as base64 and everything else as JSON', () => {
    expect(formatRecord('word', 3)).toBe('word\t3\n');
    expect(formatRecord(3, 'three')).toBe('3\tthree\n');
    expect(formatRecord(Buffer.from('hi'), null)).toBe('aGk=\tnull\n');
    expect(formatRecord(['a', 1], { b: true })).toBe('["a",1]\t{"b":true}\n');
    expect(formatRecord('', '')).toBe('\t\n');
  });

  it('writes every kind of finite number exactly as JSON does', () => {
    for (const n of [0, -0, 7, -3, 1.5, 0.1 + 0.2, 1e21, 1e-7, 5e-324, 2 ** 53, -(2 ** 31), Number.MAX_VALUE]) {
      expect(formatRecord(n, n)).toBe(`${JSON.stringify(n)}\t${JSON.stringify(n)}\n`);
    }
  });

  it('base64-encodes only the bytes of a Buffer that is a slice of a larger one', () => {
    const big = Buffer.from('xxhiyy');
    expect(formatRecord(big.subarray(2, 4), 1)).toBe('aGk=\t1\n');
  });

  it('reads text output back as key and value text, splitting at the first tab', () => {
    const text = formatRecords([
      ['a', 1],
      ['', ''],
      ['b', 'with\ttab'],
    ]);
    expect(parseTextOutput(text)).toEqual([
      ['a', '1'],
      ['', ''],
      ['b', 'with\ttab'],
    ]);
    expect(parseTextOutput('')).toEqual([]);
  });
});
