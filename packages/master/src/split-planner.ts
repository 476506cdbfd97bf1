// Turns a job's inputs into map tasks: the input files (directories taken recursively,
// skipping names that start with '_' or '.', as Hadoop's hidden-file filter does), and
// one split per block, with the datanodes holding a replica as its hosts.
import { FileType, NotFoundError, type FileStatus__Output, type InputSplit__Output } from '@tsmr/common';
import type { DfsClient } from '@tsmr/dfs';

/** getBlockLocations calls in flight at once while planning. */
const PLAN_CONCURRENCY = 16;

/** The files of the inputs, each once, in input order (a directory's sorted by path). */
export async function listInputFiles(dfs: DfsClient, inputs: readonly string[]): Promise<FileStatus__Output[]> {
  const files = new Map<string, FileStatus__Output>();
  for (const input of inputs) {
    let status: FileStatus__Output;
    try {
      status = await dfs.stat(input);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(`input path ${input} does not exist`);
      throw err;
    }
    const found = status.type === FileType.DIRECTORY ? await dfs.list(input, { recursive: true }) : [status];
    const visible = found
      .filter((file) => file.type === FileType.FILE && (file.path === input || !isHidden(file.path.slice(input.length))))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const file of visible) if (!files.has(file.path)) files.set(file.path, file);
  }
  return [...files.values()];
}

/** One split per block of each file; an empty file has none. */
export async function planSplits(dfs: DfsClient, files: readonly FileStatus__Output[]): Promise<InputSplit__Output[]> {
  const perFile: InputSplit__Output[][] = new Array(files.length);
  let next = 0;
  const planOne = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      perFile[i] = file.length === 0 ? [] : await splitsOf(dfs, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PLAN_CONCURRENCY, files.length) }, planOne));
  return perFile.flat();
}

async function splitsOf(dfs: DfsClient, file: FileStatus__Output): Promise<InputSplit__Output[]> {
  const { blocks } = await dfs.getBlockLocations(file.path);
  return blocks.map((block) => ({
    path: file.path,
    offset: block.offset,
    length: block.length,
    fileLength: file.length,
    hosts: block.locations.map((location) => location.datanodeId),
  }));
}

/** True when a path below an input has a component starting with '_' or '.' (relative part starts with '/'). */
function isHidden(relative: string): boolean {
  return relative.split('/').some((part) => part.startsWith('_') || part.startsWith('.'));
}
