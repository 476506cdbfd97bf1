// Re-verifies every replica against its checksums once per scan interval, at a bounded
// read rate so it does not compete with clients, and reports the corrupt ones. Catches
// bit rot in blocks nobody reads.
import { DataLossError, NotFoundError } from '@tsmr/common';
import { allocateReadBuffer, readBufferSize } from './replica-reader';
import type { TransferContext } from './transfer-context';
import { Wakeup } from './wakeup';

/** Scan read rate, at most. */
export const SCAN_BYTES_PER_SECOND = 64 * 1024 * 1024;

export class BlockScanner {
  private readonly wakeup = new Wakeup();
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly context: TransferContext,
    private readonly intervalMs: number,
  ) {}

  /** Scans now, then every interval. */
  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.notify();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.scanAll();
      } catch (err) {
        this.context.log.warn({ err }, 'block scan failed');
      }
      // stop() may have been noticed (and its wakeup used up) inside scanAll.
      if (!this.stopped) await this.wakeup.wait(this.intervalMs);
    }
  }

  private async scanAll(): Promise<void> {
    const started = Date.now();
    let scanned = 0;
    let buffer: Buffer = Buffer.alloc(0);
    for (const { blockId } of await this.context.storage.list()) {
      if (this.stopped) return;
      if (this.context.storage.isCorrupt(blockId)) continue;
      try {
        const replica = await this.context.storage.openReplica(blockId);
        try {
          const bufferBytes = readBufferSize(replica.bytesPerChecksum);
          if (buffer.length !== bufferBytes) buffer = allocateReadBuffer(bufferBytes);
          for (let position = 0; position < replica.length && !this.stopped; ) {
            const verified = await replica.read(position, replica.length, buffer);
            position += verified.length;
            scanned += verified.length;
            // Sleep off any lead over the allowed rate.
            await this.wakeup.wait(Math.max(0, (scanned / SCAN_BYTES_PER_SECOND) * 1000 - (Date.now() - started)));
          }
        } finally {
          await replica.close();
        }
      } catch (err) {
        if (err instanceof DataLossError) this.context.reportCorrupt(blockId, err.message);
        else if (!(err instanceof NotFoundError)) throw err; // NotFound: deleted since the listing
      }
    }
  }
}
