// The default output format of part files: one line per record, `key<TAB>value\n`, where
// each side is written as:
//   - a string: as is (so "3" and 3 both read back as "3"),
//   - a Buffer: base64,
//   - anything else: JSON (numbers, booleans, null, arrays, objects).
// Like Hadoop's TextOutputFormat this is for reading, not round-tripping: a key containing a
// tab, or either side containing a newline, makes its line ambiguous. parseTextOutput
// splits each line at its first tab and leaves the two sides as text.
import type { Value } from './values';

function formatField(x: Value): string {
  if (typeof x === 'string') return x;
  // A finite number (emit allows no other) as JSON writes it, at a seventh of the cost.
  if (typeof x === 'number') return String(x);
  if (x instanceof Uint8Array) return Buffer.from(x.buffer, x.byteOffset, x.length).toString('base64');
  // Buffers nested in arrays or objects are written the way Buffer#toJSON writes them.
  return JSON.stringify(x);
}

/** One record as a line of the text output format. */
export function formatRecord(key: Value, value: Value): string {
  return `${formatField(key)}\t${formatField(value)}\n`;
}

/** Many records as text output. */
export function formatRecords(records: Iterable<readonly [Value, Value]>): string {
  let text = '';
  for (const [k, v] of records) text += formatRecord(k, v);
  return text;
}

/** Reads text output back as [key text, value text] pairs (a line with no tab has value ""). */
export function parseTextOutput(text: string): Array<[string, string]> {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines.map((line) => {
    const tab = line.indexOf('\t');
    return tab === -1 ? [line, ''] : [line.slice(0, tab), line.slice(tab + 1)];
  });
}
