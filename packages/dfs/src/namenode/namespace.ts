// The namespace (HDFS's FSDirectory): directories, files and each file's ordered block
// list, kept in SQLite (DIR/namespace.db, WAL). Every change runs in one transaction, so a
// crash never leaves half of one. Replica locations are not here: see block-manager.ts.
//
// A file being written (under construction) has its writer in `lease_holder`. It is
// invisible to lookups, and may sit beside a complete file of the same name: the one it
// replaces (Create with overwrite) when it completes.
import { AlreadyExistsError, FailedPreconditionError, FileType, InvalidArgumentError, NotFoundError, type FileStatus } from '@tsmr/common';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { formatBlockId } from '../block-id';
import { baseName, isWithin, joinPath, parentPath, pathComponents } from '../paths';

export interface Inode {
  id: number;
  parentId: number | null;
  name: string;
  isDir: boolean;
  length: number;
  blockSize: number;
  replication: number;
  owner: string;
  mtime: number;
  atime: number;
  /** The writing client while the file is under construction; null once complete. */
  leaseHolder: string | null;
  blockCount: number;
}

export interface StoredBlock {
  id: number;
  length: number;
}

/** A block as loaded at startup, with what the block manager needs of its file. */
export interface StoredBlockOfFile extends StoredBlock {
  replication: number;
  fileComplete: boolean;
}

export interface NewFile {
  clientName: string;
  overwrite: boolean;
  replication: number;
  blockSize: number;
  createParent: boolean;
  owner: string;
}

export interface ContentSummaryRow {
  length: number;
  fileCount: number;
  directoryCount: number;
  spaceConsumed: number;
}

/** What a delete removed: the caller invalidates the blocks and drops the writers' leases. */
export interface Removed {
  fileCount: number;
  blockIds: number[];
  filesBeingWritten: { id: number; leaseHolder: string }[];
}

const ROOT_ID = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS inodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id INTEGER REFERENCES inodes(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  is_dir INTEGER NOT NULL,
  length INTEGER NOT NULL DEFAULT 0,
  block_size INTEGER NOT NULL DEFAULT 0,
  replication INTEGER NOT NULL DEFAULT 0,
  owner TEXT NOT NULL,
  mtime INTEGER NOT NULL,
  atime INTEGER NOT NULL,
  lease_holder TEXT
);
CREATE INDEX IF NOT EXISTS inodes_parent ON inodes(parent_id);
-- At most one complete entry and one file under construction per name in a directory.
CREATE UNIQUE INDEX IF NOT EXISTS inodes_complete_name ON inodes(parent_id, name) WHERE lease_holder IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS inodes_writing_name ON inodes(parent_id, name) WHERE lease_holder IS NOT NULL;
-- AUTOINCREMENT never reuses an id, so a stale replica of a deleted block can't pass
-- for a new block: the id column is the block id sequence.
CREATE TABLE IF NOT EXISTS blocks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inode_id INTEGER NOT NULL REFERENCES inodes(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  length INTEGER NOT NULL DEFAULT 0,
  UNIQUE (inode_id, idx)
);
`;

const INODE_COLUMNS = `i.id, i.parent_id AS parentId, i.name, i.is_dir AS isDir, i.length,
  i.block_size AS blockSize, i.replication, i.owner, i.mtime, i.atime, i.lease_holder AS leaseHolder,
  (SELECT count(*) FROM blocks b WHERE b.inode_id = i.id) AS blockCount`;

// Every inode below @id (inclusive), complete or not.
const SUBTREE = `WITH RECURSIVE sub(id) AS (
  SELECT @id UNION ALL SELECT c.id FROM inodes c JOIN sub ON c.parent_id = sub.id)`;
// Every complete inode below @id (inclusive).
const VISIBLE_SUBTREE = `WITH RECURSIVE sub(id) AS (
  SELECT @id UNION ALL SELECT c.id FROM inodes c JOIN sub ON c.parent_id = sub.id WHERE c.lease_holder IS NULL)`;

type InodeRow = Omit<Inode, 'isDir'> & { isDir: number };
const toInode = (row: InodeRow): Inode => ({ ...row, isDir: row.isDir === 1 });

export function toFileStatus(path: string, inode: Inode): FileStatus {
  return {
    path,
    type: inode.isDir ? FileType.DIRECTORY : FileType.FILE,
    length: inode.length,
    replication: inode.replication,
    blockSize: inode.blockSize,
    owner: inode.owner,
    modificationTime: inode.mtime,
    accessTime: inode.atime,
    blockCount: inode.blockCount,
  };
}

export class Namespace {
  private readonly db: Database.Database;
  private readonly sql;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, 'namespace.db'));
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL survives a process crash (kill -9); an OS crash may lose the
    // last commits, never part of one.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const now = Date.now();
    this.db
      .prepare(`INSERT OR IGNORE INTO inodes (id, parent_id, name, is_dir, owner, mtime, atime) VALUES (?, NULL, '', 1, '', ?, ?)`)
      .run(ROOT_ID, now, now);

    const db = this.db;
    this.sql = {
      byId: db.prepare<[number], InodeRow>(`SELECT ${INODE_COLUMNS} FROM inodes i WHERE i.id = ?`),
      child: db.prepare<[number, string], InodeRow>(
        `SELECT ${INODE_COLUMNS} FROM inodes i WHERE i.parent_id = ? AND i.name = ? AND i.lease_holder IS NULL`,
      ),
      childBeingWritten: db.prepare<[number, string], InodeRow>(
        `SELECT ${INODE_COLUMNS} FROM inodes i WHERE i.parent_id = ? AND i.name = ? AND i.lease_holder IS NOT NULL`,
      ),
      children: db.prepare<[number], InodeRow>(
        `SELECT ${INODE_COLUMNS} FROM inodes i WHERE i.parent_id = ? AND i.lease_holder IS NULL ORDER BY i.name`,
      ),
      hasChild: db.prepare<[number], { one: number }>(`SELECT 1 AS one FROM inodes WHERE parent_id = ? LIMIT 1`),
      // @prefix is the path of @id followed by '/' ('/' for the root).
      descendants: db.prepare<[{ id: number; prefix: string }], InodeRow & { path: string }>(
        `WITH RECURSIVE sub(id, path) AS (
           SELECT id, @prefix || name FROM inodes WHERE parent_id = @id AND lease_holder IS NULL
           UNION ALL
           SELECT c.id, sub.path || '/' || c.name FROM inodes c JOIN sub ON c.parent_id = sub.id WHERE c.lease_holder IS NULL)
         SELECT sub.path, ${INODE_COLUMNS} FROM sub JOIN inodes i ON i.id = sub.id ORDER BY sub.path`,
      ),
      subtreeFiles: db.prepare<[{ id: number }], { id: number; leaseHolder: string | null }>(
        `${SUBTREE} SELECT i.id, i.lease_holder AS leaseHolder FROM sub JOIN inodes i ON i.id = sub.id WHERE i.is_dir = 0`,
      ),
      subtreeBlocks: db.prepare<[{ id: number }], { id: number }>(`${SUBTREE} SELECT b.id FROM sub JOIN blocks b ON b.inode_id = sub.id`),
      contentSummary: db.prepare<[{ id: number }], ContentSummaryRow>(
        `${VISIBLE_SUBTREE}
         SELECT coalesce(sum(i.length), 0) AS length, coalesce(sum(i.is_dir = 0), 0) AS fileCount,
                coalesce(sum(i.is_dir), 0) AS directoryCount, coalesce(sum(i.length * i.replication), 0) AS spaceConsumed
         FROM sub JOIN inodes i ON i.id = sub.id`,
      ),
      insert: db.prepare<[number, string, number, number, number, string, number, number, string | null]>(
        `INSERT INTO inodes (parent_id, name, is_dir, block_size, replication, owner, mtime, atime, lease_holder)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      touch: db.prepare<[number, number]>(`UPDATE inodes SET mtime = ? WHERE id = ?`),
      remove: db.prepare<[number]>(`DELETE FROM inodes WHERE id = ?`),
      move: db.prepare<[number, string, number]>(`UPDATE inodes SET parent_id = ?, name = ? WHERE id = ?`),
      setReplication: db.prepare<[number, number]>(`UPDATE inodes SET replication = ? WHERE id = ?`),
      markComplete: db.prepare<[number, number, number, number]>(
        `UPDATE inodes SET lease_holder = NULL, length = ?, mtime = ?, atime = ? WHERE id = ?`,
      ),
      blocksOf: db.prepare<[number], StoredBlock>(`SELECT id, length FROM blocks WHERE inode_id = ? ORDER BY idx`),
      insertBlock: db.prepare<[number, number]>(`INSERT INTO blocks (inode_id, idx) VALUES (?, ?)`),
      setBlockLength: db.prepare<[number, number]>(`UPDATE blocks SET length = ? WHERE id = ?`),
      removeBlock: db.prepare<[number]>(`DELETE FROM blocks WHERE id = ?`),
      allBlocks: db.prepare<[], StoredBlock & { replication: number; fileComplete: number }>(
        `SELECT b.id, b.length, i.replication, i.lease_holder IS NULL AS fileComplete FROM blocks b JOIN inodes i ON i.id = b.inode_id`,
      ),
      filesBeingWritten: db.prepare<[], { id: number; leaseHolder: string }>(
        `SELECT id, lease_holder AS leaseHolder FROM inodes WHERE lease_holder IS NOT NULL`,
      ),
    };
  }

  close(): void {
    this.db.close();
  }

  // ---- lookups ----

  /** The complete file or directory at `path`, if there is one. */
  find(path: string): Inode | undefined {
    let inode = this.byId(ROOT_ID);
    for (const name of pathComponents(path)) {
      if (!inode.isDir) return undefined;
      const row = this.sql.child.get(inode.id, name);
      if (!row) return undefined;
      inode = toInode(row);
    }
    return inode;
  }

  /** Like find, but a missing path is NOT_FOUND. */
  get(path: string): Inode {
    const inode = this.find(path);
    if (!inode) throw new NotFoundError(`${path} does not exist`);
    return inode;
  }

  /** The file under construction at `path`, if there is one. */
  findBeingWritten(path: string): Inode | undefined {
    if (path === '/') return undefined;
    const parent = this.find(parentPath(path));
    if (!parent?.isDir) return undefined;
    const row = this.sql.childBeingWritten.get(parent.id, baseName(path));
    return row && toInode(row);
  }

  status(path: string): FileStatus {
    return toFileStatus(path, this.get(path));
  }

  /** A directory's children, all its descendants (sorted by path), or a file itself. */
  list(path: string, recursive: boolean): FileStatus[] {
    const inode = this.get(path);
    if (!inode.isDir) return [toFileStatus(path, inode)];
    if (recursive) return this.descendants(path, inode).map(({ path: p, inode: i }) => toFileStatus(p, i));
    return this.sql.children.all(inode.id).map((row) => toFileStatus(joinPath(path, row.name), toInode(row)));
  }

  /** The complete files at or below `path`, sorted by path. */
  files(path: string): { path: string; inode: Inode }[] {
    const inode = this.get(path);
    if (!inode.isDir) return [{ path, inode }];
    return this.descendants(path, inode).filter((entry) => !entry.inode.isDir);
  }

  contentSummary(path: string): ContentSummaryRow {
    const row = this.sql.contentSummary.get({ id: this.get(path).id });
    if (!row) throw new Error('content summary query returned no row');
    return row;
  }

  blocks(fileId: number): StoredBlock[] {
    return this.sql.blocksOf.all(fileId);
  }

  /** Every block with its file's replication and state, for rebuilding the block map. */
  *allBlocks(): Generator<StoredBlockOfFile> {
    for (const row of this.sql.allBlocks.iterate()) {
      yield { id: row.id, length: row.length, replication: row.replication, fileComplete: row.fileComplete === 1 };
    }
  }

  filesBeingWritten(): { id: number; leaseHolder: string }[] {
    return this.sql.filesBeingWritten.all();
  }

  // ---- changes ----

  mkdirs(path: string, createParent: boolean, owner: string, now: number): void {
    this.transaction(() => {
      if (path === '/') {
        if (!createParent) throw new AlreadyExistsError('/ already exists');
        return;
      }
      const parent = this.parentDir(path, createParent, owner, now);
      const existing = this.sql.child.get(parent.id, baseName(path));
      if (existing?.isDir === 0) throw new AlreadyExistsError(`${path} already exists and is a file`);
      if (existing) {
        if (!createParent) throw new AlreadyExistsError(`${path} already exists`);
        return;
      }
      this.makeDir(parent, path, owner, now);
    });
  }

  /**
   * Starts a file under construction and returns it. A Create of a path the same client is
   * already writing is a retry and returns that file.
   */
  create(path: string, file: NewFile, now: number): Inode {
    if (path === '/') throw new AlreadyExistsError('/ is a directory');
    return this.transaction(() => {
      const parent = this.parentDir(path, file.createParent, file.owner, now);
      const name = baseName(path);
      const writing = this.sql.childBeingWritten.get(parent.id, name);
      if (writing?.leaseHolder === file.clientName) return toInode(writing);
      if (writing) throw new AlreadyExistsError(`${path} is being written by ${writing.leaseHolder}`);
      const existing = this.sql.child.get(parent.id, name);
      if (existing?.isDir) throw new AlreadyExistsError(`${path} is a directory`);
      if (existing && !file.overwrite) throw new AlreadyExistsError(`${path} already exists (use overwrite to replace it)`);
      const { lastInsertRowid } = this.sql.insert.run(parent.id, name, 0, file.blockSize, file.replication, file.owner, now, now, file.clientName);
      return this.byId(Number(lastInsertRowid));
    });
  }

  /**
   * Records the length of the file's last block (`previous`) and appends a new block.
   * Returns the new block's id and its offset in the file. `previous` may be left out when
   * the last block's length is already recorded (after AbandonBlock, say).
   */
  addBlock(file: Inode, path: string, previous: StoredBlock | undefined): { blockId: number; offset: number } {
    return this.transaction(() => {
      const blocks = this.sql.blocksOf.all(file.id);
      const last = blocks.at(-1);
      if (previous && previous.id !== last?.id) {
        const expected = last ? `${formatBlockId(last.id)}, the last block of ${path}` : `empty: ${path} has no block yet`;
        throw new FailedPreconditionError(`previous is ${formatBlockId(previous.id)} but must be ${expected}`);
      }
      if (last && !previous && last.length === 0) {
        throw new FailedPreconditionError(`previous is required: the length of ${formatBlockId(last.id)}, the last block of ${path}, is not recorded yet`);
      }
      if (last && previous) {
        this.sql.setBlockLength.run(previous.length, last.id);
        last.length = previous.length;
      }
      const { lastInsertRowid } = this.sql.insertBlock.run(file.id, blocks.length);
      return { blockId: Number(lastInsertRowid), offset: blocks.reduce((sum, b) => sum + b.length, 0) };
    });
  }

  /** Drops the file's last block; false when the file has no such block (already abandoned). */
  abandonBlock(file: Inode, path: string, blockId: number): boolean {
    return this.transaction(() => {
      const blocks = this.sql.blocksOf.all(file.id);
      if (!blocks.some((b) => b.id === blockId)) return false;
      if (blocks.at(-1)?.id !== blockId) {
        throw new FailedPreconditionError(`${formatBlockId(blockId)} is not the last block of ${path}; only the last block can be abandoned`);
      }
      this.sql.removeBlock.run(blockId);
      return true;
    });
  }

  setBlockLength(blockId: number, length: number): void {
    this.sql.setBlockLength.run(length, blockId);
  }

  /**
   * Makes a file under construction complete and visible, replacing (deleting) a complete
   * file of the same name. Returns the ids of the replaced file's blocks.
   */
  complete(file: Inode, now: number): number[] {
    return this.transaction(() => {
      if (file.parentId === null) throw new Error('the root is not a file');
      const length = this.sql.blocksOf.all(file.id).reduce((sum, b) => sum + b.length, 0);
      const replaced = this.sql.child.get(file.parentId, file.name);
      const replacedBlocks = replaced ? this.sql.blocksOf.all(replaced.id).map((b) => b.id) : [];
      if (replaced) this.sql.remove.run(replaced.id);
      this.sql.markComplete.run(length, now, now, file.id);
      this.sql.touch.run(now, file.parentId);
      return replacedBlocks;
    });
  }

  delete(path: string, recursive: boolean, now: number): Removed {
    if (path === '/') throw new InvalidArgumentError('cannot delete /');
    return this.transaction(() => {
      const inode = this.get(path);
      if (inode.isDir && !recursive && this.sql.hasChild.get(inode.id)) {
        throw new FailedPreconditionError(`${path} is a non-empty directory (delete it recursively)`);
      }
      return this.removeSubtree(inode, now);
    });
  }

  /** Deletes a file under construction whose lease expired; returns its block ids. */
  deleteFileBeingWritten(fileId: number, now: number): number[] {
    return this.transaction(() => {
      const row = this.sql.byId.get(fileId);
      return row?.leaseHolder ? this.removeSubtree(toInode(row), now).blockIds : [];
    });
  }

  rename(src: string, dst: string, now: number): void {
    if (src === '/') throw new InvalidArgumentError('cannot rename /');
    this.transaction(() => {
      const inode = this.get(src);
      if (dst !== src && isWithin(dst, src)) throw new InvalidArgumentError(`cannot move ${src} into itself (${dst})`);
      if (dst === '/' || this.find(dst)) throw new AlreadyExistsError(`${dst} already exists`);
      const parent = this.parentDir(dst, false, '', now);
      const name = baseName(dst);
      this.checkNotBeingWritten(parent, dst);
      if (inode.parentId !== null) this.sql.touch.run(now, inode.parentId);
      this.sql.move.run(parent.id, name, inode.id);
      this.sql.touch.run(now, parent.id);
    });
  }

  /** Sets a complete file's replication; returns its block ids. */
  setReplication(path: string, replication: number): number[] {
    return this.transaction(() => {
      const inode = this.get(path);
      if (inode.isDir) throw new FailedPreconditionError(`${path} is a directory; replication is set on files`);
      this.sql.setReplication.run(replication, inode.id);
      return this.sql.blocksOf.all(inode.id).map((b) => b.id);
    });
  }

  // ---- helpers ----

  private transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  private byId(id: number): Inode {
    const row = this.sql.byId.get(id);
    if (!row) throw new Error(`inode ${id} vanished`);
    return toInode(row);
  }

  private descendants(path: string, dir: Inode): { path: string; inode: Inode }[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    return this.sql.descendants.all({ id: dir.id, prefix }).map((row) => ({ path: row.path, inode: toInode(row) }));
  }

  /**
   * The directory that will hold `path`, creating missing ones when `createParent`.
   * A component that is a file is FAILED_PRECONDITION; a missing one without
   * createParent is NOT_FOUND.
   */
  private parentDir(path: string, createParent: boolean, owner: string, now: number): Inode {
    let dir = this.byId(ROOT_ID);
    let dirPath = '/';
    for (const name of pathComponents(path).slice(0, -1)) {
      dirPath = joinPath(dirPath, name);
      const row = this.sql.child.get(dir.id, name);
      if (row && !row.isDir) throw new FailedPreconditionError(`${dirPath} is a file`);
      if (row) {
        dir = toInode(row);
      } else if (createParent) {
        dir = this.makeDir(dir, dirPath, owner, now);
      } else {
        throw new NotFoundError(`parent directory ${dirPath} does not exist (create parents to make it)`);
      }
    }
    return dir;
  }

  private makeDir(parent: Inode, path: string, owner: string, now: number): Inode {
    this.checkNotBeingWritten(parent, path);
    const { lastInsertRowid } = this.sql.insert.run(parent.id, baseName(path), 1, 0, 0, owner, now, now, null);
    this.sql.touch.run(now, parent.id);
    return this.byId(Number(lastInsertRowid));
  }

  /** A name taken by a file under construction can't be reused until the write ends. */
  private checkNotBeingWritten(parent: Inode, path: string): void {
    const writing = this.sql.childBeingWritten.get(parent.id, baseName(path));
    if (writing) throw new AlreadyExistsError(`${path} is being written by ${writing.leaseHolder}`);
  }

  private removeSubtree(inode: Inode, now: number): Removed {
    const files = this.sql.subtreeFiles.all({ id: inode.id });
    const blockIds = this.sql.subtreeBlocks.all({ id: inode.id }).map((b) => b.id);
    this.sql.remove.run(inode.id); // children and blocks go by ON DELETE CASCADE
    if (inode.parentId !== null) this.sql.touch.run(now, inode.parentId);
    return {
      fileCount: files.length,
      blockIds,
      filesBeingWritten: files.flatMap((f) => (f.leaseHolder ? [{ id: f.id, leaseHolder: f.leaseHolder }] : [])),
    };
  }
}
