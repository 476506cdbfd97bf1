// Hadoop's FileOutputCommitter, run by the master: attempts write under
// OUTPUT/_temporary/<attemptId>/, and exactly one attempt per task is committed by renaming
// its part files into OUTPUT (one namenode rename each: readers see a part whole or not at all).
// Every step is idempotent, so a restarted master can simply run a half-done one again.
import { AlreadyExistsError, NotFoundError } from '@tsmr/common';
import { joinPath, parentPath, type DfsClient } from '@tsmr/dfs';

const TEMPORARY_DIR = '_temporary';
const SUCCESS_FILE = '_SUCCESS';

const temporaryDir = (output: string) => joinPath(output, TEMPORARY_DIR);
const attemptDir = (output: string, attemptId: string) => joinPath(temporaryDir(output), attemptId);

export class OutputCommitter {
  constructor(private readonly dfs: DfsClient) {}

  /**
   * Claims the output dir for a job (creating it fails if it exists, even against a
   * concurrent submit) and makes OUTPUT/_temporary.
   */
  async setupJob(output: string): Promise<void> {
    await this.dfs.mkdirs(parentPath(output), { parents: true });
    try {
      await this.dfs.mkdirs(output, { parents: false });
    } catch (err) {
      if (err instanceof AlreadyExistsError) throw new AlreadyExistsError(`output directory ${output} already exists`);
      throw err;
    }
    await this.dfs.mkdirs(temporaryDir(output), { parents: false });
  }

  /** Moves the attempt's part files into OUTPUT; those already moved (by an interrupted commit) are skipped. */
  async commitTask(output: string, attemptId: string): Promise<void> {
    for (const file of await this.listOrNothing(attemptDir(output, attemptId))) {
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      if (!name.startsWith('part-')) continue;
      const target = joinPath(output, name);
      try {
        await this.dfs.rename(file.path, target);
      } catch (err) {
        if (!(err instanceof AlreadyExistsError)) throw err;
        // Left by an earlier attempt of the same task whose commit was judged failed: this one replaces it.
        await this.dfs.delete(target);
        await this.dfs.rename(file.path, target);
      }
    }
  }

  /** Deletes an attempt's temporary output (one that will never be committed). */
  async abortTask(output: string, attemptId: string): Promise<void> {
    await this.deleteIfPresent(attemptDir(output, attemptId));
  }

  /** Every task is committed: drop _temporary and mark the output complete. */
  async commitJob(output: string): Promise<void> {
    await this.deleteIfPresent(temporaryDir(output));
    // createParent false: a job killed meanwhile (its output deleted) must not get its dir back.
    // Replication 1: the marker has no blocks, and the namenode refuses more replicas than live datanodes.
    await this.dfs.writeFile(joinPath(output, SUCCESS_FILE), Buffer.alloc(0), { overwrite: true, createParent: false, replication: 1 });
  }

  /** A failed or killed job leaves no output, so the same command can run again. */
  async abortJob(output: string): Promise<void> {
    await this.deleteIfPresent(output);
  }

  private async listOrNothing(dir: string) {
    try {
      return await this.dfs.list(dir);
    } catch (err) {
      if (err instanceof NotFoundError) return [];
      throw err;
    }
  }

  private async deleteIfPresent(path: string): Promise<void> {
    try {
      await this.dfs.delete(path, { recursive: true });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
}
