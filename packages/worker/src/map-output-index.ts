// The on-disk form of a finished map attempt's output: `file.out` holds each partition's
// records back to back (SDK encodeRecords format, sorted by key); `index.json` gives each
// partition's byte offset and length in it.
import fs from 'node:fs';
import path from 'node:path';

export const MAP_OUTPUT_FILE = 'file.out';
export const MAP_OUTPUT_INDEX = 'index.json';

/** A byte range of a file. */
export interface Segment {
  offset: number;
  length: number;
}

export interface MapOutputIndex {
  partitions: Segment[];
}

/** Reads a map output's index; undefined when there is none (unknown or unfinished attempt). */
export function readIndex(dir: string): MapOutputIndex | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MAP_OUTPUT_INDEX), 'utf8')) as MapOutputIndex;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function writeIndex(dir: string, index: MapOutputIndex): void {
  fs.writeFileSync(path.join(dir, MAP_OUTPUT_INDEX), JSON.stringify(index));
}
