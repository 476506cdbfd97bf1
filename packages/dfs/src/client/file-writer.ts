// DfsOutputStream: writes a file block by block through datanode pipelines.
//
// The bytes of the block being written are kept until that block is acknowledged by its
// whole pipeline. If a datanode in the pipeline fails, the block is abandoned and written
// again, from those kept bytes, on a new pipeline without the failed node (simpler than
// HDFS's in-place pipeline recovery, at the cost of one block of memory per writer).
import { Writable } from 'node:stream';
import { UnavailableError, type BlockRef, type LocatedBlock__Output, type Logger } from '@tsmr/common';
import { BlockWriter } from '../transfer/block-writer';
import { PipelineError } from '../transfer/pipeline-stream';
import type { ClientProtocolApi } from './namenode-client';

/** How many new pipelines one block may get before the write fails. */
const MAX_PIPELINE_ATTEMPTS = 5;

export interface FileWriterOptions {
  api: ClientProtocolApi;
  path: string;
  clientName: string;
  blockSize: number;
  bytesPerChecksum: number;
  secret?: string;
  favoredDatanode?: string;
  /** Renew the lease this often (ms). */
  leaseRenewMs: number;
  /** How long Complete may keep answering "not yet" (ms). */
  completeTimeoutMs?: number;
  log?: Logger;
}

interface OpenBlock {
  located: LocatedBlock__Output;
  writer: BlockWriter;
  /** Everything written to this block so far, kept for a rewrite on a new pipeline. */
  kept: Buffer[];
  length: number;
}

export class DfsOutputStream extends Writable {
  private block: OpenBlock | undefined;
  private previous: BlockRef | undefined;
  private readonly excluded = new Set<string>();
  private readonly leaseTimer: NodeJS.Timeout;
  private bytes = 0;

  constructor(private readonly options: FileWriterOptions) {
    super({ highWaterMark: 4 * 1024 * 1024 });
    this.leaseTimer = setInterval(() => {
      options.api.RenewLease({ clientName: options.clientName }).catch(() => undefined);
    }, options.leaseRenewMs);
    this.leaseTimer.unref();
  }

  /** Bytes accepted so far. */
  get bytesWritten(): number {
    return this.bytes;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    this.append(chunk).then(() => callback(), callback);
  }

  override _final(callback: (err?: Error | null) => void): void {
    this.finishFile().then(() => callback(), callback);
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    clearInterval(this.leaseTimer);
    // An unfinished file stays invisible; the namenode deletes it when the lease expires.
    this.block?.writer.abort();
    this.block = undefined;
    callback(err);
  }

  private async append(chunk: Buffer): Promise<void> {
    let data = chunk;
    while (data.length > 0) {
      const block = this.block ?? (await this.openBlock());
      const room = this.options.blockSize - block.length;
      const piece = data.length > room ? data.subarray(0, room) : data;
      data = data.subarray(piece.length);
      block.kept.push(piece);
      block.length += piece.length;
      this.bytes += piece.length;
      await this.writePiece(block, piece);
      if (block.length === this.options.blockSize) await this.closeBlock();
    }
  }

  private async openBlock(): Promise<OpenBlock> {
    const { api, path, clientName, favoredDatanode, bytesPerChecksum, secret } = this.options;
    const located = await api.AddBlock({
      path,
      clientName,
      previous: this.previous ?? null,
      excludedDatanodes: [...this.excluded],
      favoredDatanode: favoredDatanode ?? '',
    });
    this.previous = undefined;
    const writer = new BlockWriter({ blockId: located.blockId, pipeline: located.locations, bytesPerChecksum, clientName, secret });
    this.block = { located, writer, kept: [], length: 0 };
    return this.block;
  }

  private async closeBlock(): Promise<void> {
    const block = this.block;
    if (!block) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await block.writer.finish();
        break;
      } catch (err) {
        if (!(err instanceof PipelineError) || attempt >= MAX_PIPELINE_ATTEMPTS) throw err;
        await this.movePipeline(block, err);
      }
    }
    this.previous = { blockId: block.located.blockId, length: block.length };
    this.block = undefined;
  }

  /** Writes a piece already added to `block.kept`; on a pipeline failure, moves the block. */
  private async writePiece(block: OpenBlock, piece: Buffer): Promise<void> {
    try {
      await block.writer.write(piece);
    } catch (err) {
      if (!(err instanceof PipelineError)) throw err;
      await this.movePipeline(block, err);
    }
  }

  /**
   * Abandons the block and writes everything kept so far to a new block on a pipeline
   * without the failed datanode. A failure while replaying counts as one more attempt.
   */
  private async movePipeline(block: OpenBlock, failure: PipelineError): Promise<void> {
    const { api, path, clientName, bytesPerChecksum, secret, log } = this.options;
    for (let attempt = 1; ; attempt++) {
      block.writer.abort();
      this.excluded.add(failure.failedDatanodeId);
      log?.warn({ path, blockId: block.located.blockId, failed: failure.failedDatanodeId }, 'pipeline failed; rewriting block');
      await api.AbandonBlock({ path, clientName, blockId: block.located.blockId });
      // The previous block's length was recorded by the AddBlock of the abandoned one.
      const located = await api.AddBlock({
        path,
        clientName,
        previous: null,
        excludedDatanodes: [...this.excluded],
        favoredDatanode: this.options.favoredDatanode ?? '',
      });
      block.located = located;
      block.writer = new BlockWriter({ blockId: located.blockId, pipeline: located.locations, bytesPerChecksum, clientName, secret });
      try {
        for (const piece of block.kept) await block.writer.write(piece);
        return;
      } catch (err) {
        if (!(err instanceof PipelineError) || attempt >= MAX_PIPELINE_ATTEMPTS) throw err;
        failure = err;
      }
    }
  }

  private async finishFile(): Promise<void> {
    try {
      await this.closeBlock();
      const { api, path, clientName, completeTimeoutMs = 30_000 } = this.options;
      const giveUpAt = Date.now() + completeTimeoutMs;
      let delay = 20;
      for (;;) {
        const { completed } = await api.Complete({ path, clientName, last: this.previous ?? null });
        if (completed) return;
        if (Date.now() > giveUpAt) {
          throw new UnavailableError(`${path}: the namenode did not see every block reported within ${completeTimeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 500);
      }
    } finally {
      clearInterval(this.leaseTimer);
    }
  }
}
