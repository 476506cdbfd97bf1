// The datanode's data dir:
//   datanode-id          this node's UUID, made on first start
//   current/blk_<n>      finalized block bytes
//   current/blk_<n>.meta 8-byte header then one CRC32C per chunk (see transfer/checksum.ts)
//   tmp/                 replicas being received; emptied at start
// A replica is finalized by renaming its meta file and then its data file into current/,
// so a block file in current/ always has its meta file.
import {
  AlreadyExistsError,
  DataLossError,
  FailedPreconditionError,
  NotFoundError,
  type ReplicaPath,
  type ReportedBlock__Output,
  type StorageReport,
} from '@tsmr/common';
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkBlockId } from '../block-id';
import { ReplicaReader } from './replica-reader';
import { ReplicaWriter } from './replica-writer';

const META_SUFFIX = '.meta';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class BlockStorage {
  private readonly currentDir: string;
  private readonly tmpDir: string;
  /** Replicas found corrupt since start: no longer served, reported again after re-registering. */
  private readonly corrupt = new Map<string, string>();

  private constructor(
    readonly dir: string,
    readonly datanodeId: string,
    private usedBytes: number,
  ) {
    this.currentDir = path.join(dir, 'current');
    this.tmpDir = path.join(dir, 'tmp');
  }

  /** Opens (or initializes) a data dir: empties tmp/, drops meta files left without a block. */
  static async open(dir: string): Promise<BlockStorage> {
    const currentDir = path.join(dir, 'current');
    const tmpDir = path.join(dir, 'tmp');
    await mkdir(currentDir, { recursive: true });
    await rm(tmpDir, { recursive: true, force: true });
    await mkdir(tmpDir);
    const datanodeId = await loadDatanodeId(dir);
    const names = new Set(await readdir(currentDir));
    let usedBytes = 0;
    for (const name of names) {
      const blockId = name.endsWith(META_SUFFIX) ? name.slice(0, -META_SUFFIX.length) : name;
      if (!isBlockId(blockId)) continue;
      if (name !== blockId && !names.has(blockId)) {
        // Interrupted finalize (meta renamed, data not): the replica was never complete.
        await rm(path.join(currentDir, name), { force: true });
        continue;
      }
      usedBytes += (await stat(path.join(currentDir, name))).size;
    }
    return new BlockStorage(dir, datanodeId, usedBytes);
  }

  /** Every finalized replica with its length. */
  async list(): Promise<ReportedBlock__Output[]> {
    const blocks: ReportedBlock__Output[] = [];
    for (const name of await readdir(this.currentDir)) {
      if (!isBlockId(name)) continue;
      const size = await stat(this.blockPath(name)).then((s) => s.size, ignoreMissing);
      if (size !== undefined) blocks.push({ blockId: name, length: size });
    }
    return blocks;
  }

  async contains(blockId: string): Promise<boolean> {
    const found = await stat(this.blockPath(checkBlockId(blockId))).then(() => true, ignoreMissing);
    return found ?? false;
  }

  /** Starts receiving a replica in tmp/; ALREADY_EXISTS if it is finalized or being received. */
  async createReplica(blockId: string, bytesPerChecksum: number): Promise<ReplicaWriter> {
    if (await this.contains(blockId)) throw new AlreadyExistsError(`${blockId} already exists on this datanode`);
    const dataPath = path.join(this.tmpDir, blockId);
    return ReplicaWriter.create(blockId, bytesPerChecksum, dataPath, dataPath + META_SUFFIX);
  }

  /** Moves a fully written replica into current/ (meta first) and returns its length. */
  async finalize(replica: ReplicaWriter): Promise<number> {
    await replica.close();
    const blockPath = this.blockPath(replica.blockId);
    if (await this.contains(replica.blockId)) throw new AlreadyExistsError(`${replica.blockId} already exists on this datanode`);
    const [data, meta] = await Promise.all([stat(replica.dataPath), stat(replica.metaPath)]);
    await rename(replica.metaPath, blockPath + META_SUFFIX);
    await rename(replica.dataPath, blockPath);
    this.usedBytes += data.size + meta.size;
    return data.size;
  }

  /** Opens a replica for verified reads: NOT_FOUND if absent, DATA_LOSS if known corrupt. */
  async openReplica(blockId: string): Promise<ReplicaReader> {
    const blockPath = this.blockPath(checkBlockId(blockId));
    const reason = this.corrupt.get(blockId);
    if (reason !== undefined) throw new DataLossError(`${blockId}: this replica is corrupt (${reason})`);
    const data = await open(blockPath, 'r').catch((err: unknown) => {
      throw isMissing(err) ? new NotFoundError(`${blockId} is not on this datanode`) : err;
    });
    const meta = await open(blockPath + META_SUFFIX, 'r').catch(async (err: unknown) => {
      await data.close();
      throw isMissing(err) ? new DataLossError(`${blockId}: the meta file is missing`) : err;
    });
    return ReplicaReader.open(blockId, data, meta);
  }

  /**
   * Where a finalized replica's files are, for a short-circuit reader on this machine:
   * FAILED_PRECONDITION while it is still being received, else as openReplica refuses.
   * Finalized files never change (there is no append), so they are safe to read directly.
   */
  async replicaPath(blockId: string): Promise<ReplicaPath> {
    checkBlockId(blockId);
    const receiving = await stat(path.join(this.tmpDir, blockId)).then(() => true, ignoreMissing);
    if (receiving && !(await this.contains(blockId))) throw new FailedPreconditionError(`${blockId} is still being written here`);
    const replica = await this.openReplica(blockId);
    await replica.close();
    const dataPath = path.resolve(this.blockPath(blockId));
    return { dataPath, metaPath: dataPath + META_SUFFIX, length: replica.length, bytesPerChecksum: replica.bytesPerChecksum };
  }

  /** Deletes a finalized replica; false if it was not there. */
  async delete(blockId: string): Promise<boolean> {
    const blockPath = this.blockPath(checkBlockId(blockId));
    this.corrupt.delete(blockId);
    let found = false;
    // Data file first, so a crash in between leaves a meta file that open() removes.
    for (const file of [blockPath, blockPath + META_SUFFIX]) {
      const size = await stat(file).then((s) => s.size, ignoreMissing);
      if (size === undefined) continue;
      await rm(file, { force: true });
      this.usedBytes -= size;
      found = true;
    }
    return found;
  }

  markCorrupt(blockId: string, reason: string): void {
    this.corrupt.set(blockId, reason);
  }

  isCorrupt(blockId: string): boolean {
    return this.corrupt.has(blockId);
  }

  /** The replicas found corrupt, with why. */
  corruptReplicas(): Array<{ blockId: string; reason: string }> {
    return [...this.corrupt].map(([blockId, reason]) => ({ blockId, reason }));
  }

  async storageReport(): Promise<StorageReport> {
    const fs = await statfs(this.dir);
    return { capacity: fs.blocks * fs.bsize, used: this.usedBytes, remaining: fs.bavail * fs.bsize };
  }

  private blockPath(blockId: string): string {
    return path.join(this.currentDir, blockId);
  }
}

async function loadDatanodeId(dir: string): Promise<string> {
  const file = path.join(dir, 'datanode-id');
  const existing = await readFile(file, 'utf8').then((s) => s.trim(), ignoreMissing);
  if (existing !== undefined) {
    if (!UUID.test(existing)) throw new Error(`${file} does not hold a datanode id (a UUID); remove it to make a new one`);
    return existing;
  }
  const id = randomUUID();
  await writeFile(file + '.tmp', id + '\n');
  await rename(file + '.tmp', file);
  return id;
}

function isBlockId(name: string): boolean {
  try {
    checkBlockId(name);
    return true;
  } catch {
    return false;
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

function ignoreMissing(err: unknown): undefined {
  if (isMissing(err)) return undefined;
  throw err;
}
