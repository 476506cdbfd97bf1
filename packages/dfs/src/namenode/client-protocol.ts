// ClientProtocol: what DFS clients call. Each handler checks its request (naming the bad
// field), refuses namespace changes in safe mode, then changes the namespace (one SQLite
// transaction) before the in-memory block map and leases, so a rejected request changes
// nothing.
import {
  FailedPreconditionError,
  InvalidArgumentError,
  NotFoundError,
  UnavailableError,
  type AsyncHandlers,
  type ClientProtocolHandlers,
  type DatanodeInfo,
} from '@tsmr/common';
import { formatBlockId } from '../block-id';
import { fsck } from './fsck';
import { toFileStatus, type Inode } from './namespace';
import type { Namesystem } from './namenode';
import { chooseTargets } from './placement';
import { blockRef, checkedPath, nonNegative, requireBlockId, required } from './requests';

export function clientProtocol(ns: Namesystem): AsyncHandlers<ClientProtocolHandlers> {
  const { config, namespace, blocks, datanodes, leases, safeMode } = ns;

  function checkReplication(replication: number): number {
    if (!Number.isInteger(replication) || replication < 1) throw new InvalidArgumentError(`replication ${replication} must be at least 1`);
    const live = datanodes.live().length;
    if (replication > live) throw new InvalidArgumentError(`replication ${replication} exceeds the ${live} live datanodes`);
    return replication;
  }

  function checkBlockSize(blockSize: number): number {
    if (!Number.isSafeInteger(blockSize) || blockSize <= 0 || blockSize % config.bytesPerChecksum !== 0) {
      throw new InvalidArgumentError(`block size ${blockSize} must be a positive multiple of bytes_per_checksum (${config.bytesPerChecksum})`);
    }
    return blockSize;
  }

  /** The file `clientName` is writing at `path`, its lease renewed. */
  function fileBeingWrittenBy(path: string, clientName: string): Inode {
    const file = namespace.findBeingWritten(path);
    if (!file) throw new NotFoundError(`${path} is not being written (it was completed or deleted, or its lease expired)`);
    if (file.leaseHolder !== clientName) throw new FailedPreconditionError(`${path} is being written by ${file.leaseHolder}, not ${clientName}`);
    leases.renew(clientName, Date.now());
    return file;
  }

  /** The block's good replicas: the client's datanode first, the rest rotated by block id. */
  function locations(blockId: number, clientDatanode: string): DatanodeInfo[] {
    const nodes = (blocks.get(blockId)?.goodReplicas() ?? []).map((r) => r.datanode).sort((a, b) => (a.id < b.id ? -1 : 1));
    const shift = nodes.length === 0 ? 0 : blockId % nodes.length;
    const rotated = [...nodes.slice(shift), ...nodes.slice(0, shift)];
    const local = rotated.findIndex((node) => node.id === clientDatanode);
    if (local > 0) rotated.unshift(...rotated.splice(local, 1));
    return rotated.map((node) => node.info);
  }

  return {
    Create(req) {
      const path = checkedPath(req.path);
      const clientName = required(req.clientName, 'client_name');
      // An explicit replication must fit the live datanodes; the default may not yet (a
      // small or starting cluster): such files are under-replicated until nodes join, as in HDFS.
      const replication = req.replication ? checkReplication(req.replication) : config.defaultReplication;
      const blockSize = checkBlockSize(req.blockSize || config.defaultBlockSize);
      safeMode.checkWritable();
      const now = Date.now();
      const file = namespace.create(
        path,
        { clientName, overwrite: req.overwrite, replication, blockSize, createParent: req.createParent, owner: req.owner },
        now,
      );
      leases.add(clientName, file.id, now);
      return toFileStatus(path, file);
    },

    AddBlock(req) {
      const path = checkedPath(req.path);
      const clientName = required(req.clientName, 'client_name');
      const previous = blockRef(req.previous, 'previous');
      safeMode.checkWritable();
      const file = fileBeingWrittenBy(path, clientName);
      if (previous && previous.length > file.blockSize) {
        throw new InvalidArgumentError(`previous.length ${previous.length} exceeds the block size ${file.blockSize} of ${path}`);
      }
      const live = datanodes.live();
      const excluded = new Set(req.excludedDatanodes);
      const targets = chooseTargets(live, { count: file.replication, favored: req.favoredDatanode, excluded, blockSize: file.blockSize });
      if (targets.length === 0) {
        throw new UnavailableError(`no datanode can take a block of ${path}: ${live.length} live, ${excluded.size} excluded by the client`);
      }
      const { blockId, offset } = namespace.addBlock(file, path, previous);
      if (previous) blocks.setLength(previous.id, previous.length);
      blocks.add(blockId, file.replication);
      for (const node of targets) node.scheduledTransfers++;
      return { blockId: formatBlockId(blockId), offset, length: 0, locations: targets.map((node) => node.info) };
    },

    AbandonBlock(req) {
      const path = checkedPath(req.path);
      const clientName = required(req.clientName, 'client_name');
      const blockId = requireBlockId(req.blockId, 'block_id');
      safeMode.checkWritable();
      const file = fileBeingWrittenBy(path, clientName);
      if (namespace.abandonBlock(file, path, blockId)) blocks.remove([blockId]);
      return {};
    },

    Complete(req) {
      const path = checkedPath(req.path);
      const clientName = required(req.clientName, 'client_name');
      const last = blockRef(req.last, 'last');
      safeMode.checkWritable();
      if (!namespace.findBeingWritten(path)) {
        // A retry of a Complete that succeeded: the file is there and ends with `last`.
        const done = namespace.find(path);
        if (done && !done.isDir && namespace.blocks(done.id).at(-1)?.id === last?.id) return { completed: true };
      }
      const file = fileBeingWrittenBy(path, clientName);
      const stored = namespace.blocks(file.id);
      const lastStored = stored.at(-1);
      if (lastStored && !last) throw new InvalidArgumentError(`last is required: ${path} ends with ${formatBlockId(lastStored.id)}`);
      if (last) {
        if (last.id !== lastStored?.id) {
          throw new FailedPreconditionError(`last is ${formatBlockId(last.id)} but ${path} ends with ${lastStored ? formatBlockId(lastStored.id) : 'no block'}`);
        }
        if (last.length > file.blockSize) throw new InvalidArgumentError(`last.length ${last.length} exceeds the block size ${file.blockSize} of ${path}`);
        if (lastStored.length !== last.length) {
          namespace.setBlockLength(last.id, last.length);
          blocks.setLength(last.id, last.length);
          lastStored.length = last.length;
        }
      }
      if (!stored.every((b) => blocks.hasReplicaOfRecordedLength(b.id))) return { completed: false };
      const replaced = namespace.complete(file, Date.now());
      blocks.completeFile(stored);
      blocks.remove(replaced);
      leases.remove(clientName, file.id);
      return { completed: true };
    },

    RenewLease(req) {
      leases.renew(required(req.clientName, 'client_name'), Date.now());
      return {};
    },

    GetBlockLocations(req) {
      const path = checkedPath(req.path);
      const offset = nonNegative(req.offset, 'offset');
      const length = nonNegative(req.length, 'length');
      const file = namespace.get(path);
      if (file.isDir) throw new FailedPreconditionError(`${path} is a directory`);
      const located = [];
      let start = 0;
      for (const block of namespace.blocks(file.id)) {
        const end = start + block.length;
        if (end > offset && (length === 0 || start < offset + length)) {
          located.push({ blockId: formatBlockId(block.id), offset: start, length: block.length, locations: locations(block.id, req.clientDatanode) });
        }
        start = end;
      }
      return { file: toFileStatus(path, file), blocks: located };
    },

    List(req) {
      return { entries: namespace.list(checkedPath(req.path), req.recursive) };
    },

    Stat(req) {
      return namespace.status(checkedPath(req.path));
    },

    Mkdirs(req) {
      const path = checkedPath(req.path);
      safeMode.checkWritable();
      namespace.mkdirs(path, req.createParent, req.owner, Date.now());
      return {};
    },

    Delete(req) {
      const path = checkedPath(req.path);
      safeMode.checkWritable();
      const removed = namespace.delete(path, req.recursive, Date.now());
      blocks.remove(removed.blockIds);
      for (const file of removed.filesBeingWritten) leases.remove(file.leaseHolder, file.id);
      return { filesDeleted: removed.fileCount, blocksDeleted: removed.blockIds.length };
    },

    Rename(req) {
      const src = checkedPath(req.src, 'src');
      const dst = checkedPath(req.dst, 'dst');
      safeMode.checkWritable();
      namespace.rename(src, dst, Date.now());
      return {};
    },

    SetReplication(req) {
      const path = checkedPath(req.path);
      const replication = checkReplication(req.replication);
      safeMode.checkWritable();
      blocks.setReplication(namespace.setReplication(path, replication), replication);
      return {};
    },

    GetContentSummary(req) {
      return namespace.contentSummary(checkedPath(req.path));
    },

    Fsck(req) {
      return fsck(namespace, blocks, datanodes, checkedPath(req.path));
    },

    ReportBadBlocks(req) {
      blocks.reportBadBlocks(req.blocks);
      return {};
    },

    GetClusterReport() {
      return {
        safeMode: safeMode.active,
        safeModeReason: safeMode.reason(),
        datanodes: datanodes.all().map((node) => node.report()),
        defaultReplication: config.defaultReplication,
        defaultBlockSize: config.defaultBlockSize,
        bytesPerChecksum: config.bytesPerChecksum,
      };
    },
  };
}
