// Safe mode: at startup the namenode knows its files but not where their blocks are. Until
// enough blocks of complete files have a reported replica it changes nothing: no namespace
// changes, no replication, no lease expiry. It leaves safe mode as soon as the threshold
// is reached (at once when there are no blocks) and never enters it again.
import { UnavailableError, type Logger } from '@tsmr/common';
import type { BlockManager } from './block-manager';

export class SafeMode {
  private on = true;

  constructor(
    private readonly threshold: number,
    private readonly blocks: BlockManager,
    private readonly log: Logger,
  ) {}

  get active(): boolean {
    return this.on;
  }

  /** Leaves safe mode when the threshold is reached; call after block reports. */
  update(): void {
    const { reportedBlockCount, completeBlockCount } = this.blocks;
    if (!this.on || (completeBlockCount > 0 && reportedBlockCount / completeBlockCount < this.threshold)) return;
    this.on = false;
    this.log.info({ reported: this.blocks.reportedBlockCount, blocks: this.blocks.completeBlockCount }, 'safe mode left');
  }

  /** Why the namenode is in safe mode; empty once it is out. */
  reason(): string {
    if (!this.on) return '';
    const { reportedBlockCount, completeBlockCount } = this.blocks;
    return `${reportedBlockCount} of ${completeBlockCount} blocks reported; waiting for ${Number((this.threshold * 100).toFixed(3))}%`;
  }

  /** Throws UNAVAILABLE during safe mode: for namespace changes. */
  checkWritable(): void {
    if (this.on) {
      throw new UnavailableError(`namenode is in safe mode: ${this.blocks.reportedBlockCount} of ${this.blocks.completeBlockCount} blocks reported`);
    }
  }
}
