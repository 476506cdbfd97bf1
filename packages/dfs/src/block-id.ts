// Block ids are `blk_<n>` with n from the namenode's sequence. Checked at every boundary
// that turns one into a file name, so no request can name a path outside a data dir.
import { InvalidArgumentError } from '@tsmr/common';

const BLOCK_ID = /^blk_[1-9][0-9]{0,18}$/;

export function formatBlockId(n: number | bigint): string {
  return `blk_${n}`;
}

export function checkBlockId(id: string): string {
  if (!BLOCK_ID.test(id)) throw new InvalidArgumentError(`'${id.slice(0, 100)}' is not a block id (blk_<number>)`);
  return id;
}

/** The number inside a valid block id. */
export function blockNumber(id: string): bigint {
  return BigInt(checkBlockId(id).slice(4));
}
