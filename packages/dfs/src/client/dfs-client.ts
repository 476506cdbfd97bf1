// DfsClient: what the CLI, the master and the workers use to talk to the DFS.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { InvalidArgumentError } from '@tsmr/common';
import type {
  ClusterReport__Output,
  ContentSummary__Output,
  FileStatus__Output,
  FsckReport__Output,
  LocatedBlocks__Output,
  Logger,
} from '@tsmr/common';
import { normalizePath } from '../paths';
import { closeTransferClients } from '../transfer/clients';
import { DfsOutputStream } from './file-writer';
import { openFile, readFileInto, type FileReaderOptions, type ReadStatistics } from './file-reader';
import { namenodeClient, type ClientProtocolApi } from './namenode-client';

export interface DfsClientOptions {
  /** host:port of the namenode. */
  namenode: string;
  secret?: string;
  /** The datanode beside this process, if any: reads prefer it, writes put a replica on it. */
  localDatanodeId?: string;
  /**
   * Read replicas on localDatanodeId straight from their files on this machine's disk
   * (short-circuit local reads), still verifying every checksum; default true. Needs read
   * access to the datanode's data dir, else each block falls back to reading through it.
   */
  shortCircuitReads?: boolean;
  /** How long calls keep retrying a namenode that is unreachable or in safe mode (ms). */
  retryForMs?: number;
  log?: Logger;
}

export interface CreateOptions {
  overwrite?: boolean;
  /** Default: the namenode's. */
  replication?: number;
  /** Default: the namenode's. */
  blockSize?: number;
  /** Make missing parent directories (default true, as `hdfs dfs -put` does). */
  createParent?: boolean;
}

export interface ReadOptions {
  offset?: number;
  length?: number;
}

export class DfsClient {
  readonly clientName = `tsmr-client-${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly api: ClientProtocolApi;
  private readonly closeApi: () => void;
  private cluster: ClusterReport__Output | undefined;
  private readonly statistics: ReadStatistics = { bytesRead: 0, shortCircuitBytesRead: 0 };

  constructor(private readonly options: DfsClientOptions) {
    const client = namenodeClient(options.namenode, { secret: options.secret, retryForMs: options.retryForMs });
    this.api = client.api;
    this.closeApi = client.close;
  }

  /** A writable stream for a new file; the file appears only when the stream finishes. */
  async create(path: string, options: CreateOptions = {}): Promise<DfsOutputStream> {
    const normalized = normalizePath(path);
    // On the wire 0 means "the namenode's default", so a 0 given here must be refused here.
    if (options.replication !== undefined && !(Number.isInteger(options.replication) && options.replication >= 1)) {
      throw new InvalidArgumentError(`replication must be an integer ≥ 1, got ${options.replication}`);
    }
    if (options.blockSize !== undefined && !(Number.isInteger(options.blockSize) && options.blockSize > 0)) {
      throw new InvalidArgumentError(`block size must be a positive number of bytes, got ${options.blockSize}`);
    }
    const cluster = await this.clusterDefaults();
    const status = await this.api.Create({
      path: normalized,
      clientName: this.clientName,
      overwrite: options.overwrite ?? false,
      replication: options.replication ?? 0,
      blockSize: options.blockSize ?? 0,
      createParent: options.createParent ?? true,
      owner: os.userInfo().username,
    });
    return new DfsOutputStream({
      api: this.api,
      path: normalized,
      clientName: this.clientName,
      blockSize: status.blockSize,
      bytesPerChecksum: cluster.bytesPerChecksum,
      secret: this.options.secret,
      favoredDatanode: this.options.localDatanodeId,
      leaseRenewMs: 1000,
      log: this.options.log,
    });
  }

  /** Writes a whole stream or buffer into a new file. */
  async writeFile(path: string, data: Readable | Buffer, options: CreateOptions = {}): Promise<void> {
    const out = await this.create(path, options);
    await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, out);
  }

  /** A readable stream of the file's bytes (a range with offset/length). */
  async open(path: string, options: ReadOptions = {}): Promise<Readable> {
    return openFile(await this.readerOptions(path, options));
  }

  /**
   * Reads `into.length` bytes of the file from `offset` into `into` (without the copy a
   * stream costs: local replicas are read straight into it); returns the bytes read,
   * fewer only at the end of the file. An abort of `signal` ends the read (rejecting it).
   */
  async readInto(path: string, offset: number, into: Buffer, signal?: AbortSignal): Promise<number> {
    return readFileInto({ ...(await this.readerOptions(path, { offset, length: into.length })), into, signal });
  }

  private async readerOptions(path: string, options: ReadOptions): Promise<FileReaderOptions> {
    const normalized = normalizePath(path);
    // Stat first so a missing file fails here, not on the stream's first read.
    await this.stat(normalized);
    return {
      api: this.api,
      path: normalized,
      offset: options.offset ?? 0,
      length: options.length,
      clientDatanode: this.options.localDatanodeId,
      shortCircuit: this.options.shortCircuitReads ?? true,
      statistics: this.statistics,
      secret: this.options.secret,
      log: this.options.log,
    };
  }

  /** Bytes read by this client's streams so far, and how many short-circuit. */
  readStatistics(): ReadStatistics {
    return { ...this.statistics };
  }

  async readFile(path: string, options: ReadOptions = {}): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.open(path, options)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Copies a file into a writable (stdout, a local file). */
  async copyTo(path: string, out: Writable): Promise<void> {
    await pipeline(await this.open(path), out);
  }

  async stat(path: string): Promise<FileStatus__Output> {
    return this.api.Stat({ path: normalizePath(path) });
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.stat(path);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 5 /* NOT_FOUND */) return false;
      throw err;
    }
  }

  async list(path: string, options: { recursive?: boolean } = {}): Promise<FileStatus__Output[]> {
    return (await this.api.List({ path: normalizePath(path), recursive: options.recursive ?? false })).entries;
  }

  async mkdirs(path: string, options: { parents?: boolean } = {}): Promise<void> {
    await this.api.Mkdirs({ path: normalizePath(path), createParent: options.parents ?? true, owner: os.userInfo().username });
  }

  async delete(path: string, options: { recursive?: boolean } = {}): Promise<{ filesDeleted: number; blocksDeleted: number }> {
    return this.api.Delete({ path: normalizePath(path), recursive: options.recursive ?? false });
  }

  async rename(src: string, dst: string): Promise<void> {
    await this.api.Rename({ src: normalizePath(src), dst: normalizePath(dst) });
  }

  async setReplication(path: string, replication: number): Promise<void> {
    await this.api.SetReplication({ path: normalizePath(path), replication });
  }

  async getBlockLocations(path: string, offset = 0, length = 0): Promise<LocatedBlocks__Output> {
    return this.api.GetBlockLocations({
      path: normalizePath(path),
      offset,
      length,
      clientDatanode: this.options.localDatanodeId ?? '',
    });
  }

  async contentSummary(path: string): Promise<ContentSummary__Output> {
    return this.api.GetContentSummary({ path: normalizePath(path) });
  }

  async fsck(path: string): Promise<FsckReport__Output> {
    return this.api.Fsck({ path: normalizePath(path) });
  }

  async clusterReport(): Promise<ClusterReport__Output> {
    return this.api.GetClusterReport({});
  }

  close(): void {
    this.closeApi();
    closeTransferClients();
  }

  /** Cluster-wide settings a writer needs (bytes per checksum), fetched once. */
  private async clusterDefaults(): Promise<ClusterReport__Output> {
    this.cluster ??= await this.clusterReport();
    return this.cluster;
  }
}
