// Deterministic word text for job tests: lines of words from a fixed vocabulary.
import { randomBytes } from './cluster';

const VOCABULARY = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 10007}`);

export function wordsText(bytes: number, seed = 1): Buffer {
  const noise = randomBytes(Math.ceil(bytes / 4) + 16, seed);
  const lines: string[] = [];
  let size = 0;
  let line: string[] = [];
  for (let i = 0; size < bytes; i++) {
    const word = VOCABULARY[noise[i % noise.length]! + ((i * 31) % 144)]!;
    line.push(word);
    size += word.length + 1;
    if (line.length === 12) {
      lines.push(line.join(' '));
      line = [];
    }
  }
  lines.push(line.join(' '));
  return Buffer.from(lines.join('\n') + '\n');
}
