// A reduce attempt's input: its shuffled segments (one per map, in map order) as sorted runs
// to merge. With more segments on disk than the merge factor, consecutive runs are first
// merged into larger ones, pass after pass (as Hadoop's merge passes, io.sort.factor), so
// the final merge never holds more files open than that. Merging consecutive runs keeps
// the order of equal keys across maps.
import fs from 'node:fs';
import path from 'node:path';
import { writeMerged } from './merge';
import { RunReader } from './run-reader';
import { RunWriter } from './run-writer';
import { asBuffer, type ShuffledSegment } from './task-protocol';

function open(segment: ShuffledSegment): RunReader {
  return 'bytes' in segment ? RunReader.ofBuffer(asBuffer(segment.bytes)) : RunReader.ofFile(segment.file);
}

export interface ReduceRuns {
  runs: RunReader[];
  /** Records written to disk by merge passes (SPILLED_RECORDS). */
  spilledRecords: number;
}

/**
 * The segments as runs, at most `factor` of them on disk; intermediate files go to
 * `scratch`. Groups of consecutive segments with none on disk are left as they are.
 */
export function openReduceRuns(segments: readonly ShuffledSegment[], scratch: string, factor: number, progressed: () => void): ReduceRuns {
  let current = [...segments];
  let spilledRecords = 0;
  const onDisk = (group: readonly ShuffledSegment[]) => group.some((s) => 'file' in s);
  for (let pass = 0; current.filter((s) => 'file' in s).length > factor; pass++) {
    const next: ShuffledSegment[] = [];
    for (let from = 0; from < current.length; from += factor) {
      const group = current.slice(from, from + factor);
      if (!onDisk(group)) {
        next.push(...group);
        continue;
      }
      const file = path.join(scratch, `merge-${pass}-${next.length}`);
      const merged = mergeInto(group, file, progressed);
      next.push({ file, length: merged.length });
      spilledRecords += merged.records;
      for (const s of group) if ('file' in s) fs.rmSync(s.file, { force: true });
    }
    current = next;
  }
  const runs: RunReader[] = [];
  try {
    for (const segment of current) runs.push(open(segment));
  } catch (err) {
    for (const run of runs) run.close();
    throw err;
  }
  return { runs, spilledRecords };
}

/** Merges the runs into one file. */
function mergeInto(group: readonly ShuffledSegment[], file: string, progressed: () => void): { length: number; records: number } {
  const runs = group.map(open);
  const out = new RunWriter(file, progressed);
  try {
    const records = writeMerged(runs, out);
    return { length: out.segment().length, records };
  } finally {
    out.close();
    for (const run of runs) run.close();
  }
}
