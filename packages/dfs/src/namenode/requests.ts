// Checks of request fields shared by both protocols; each error names the field.
import { InvalidArgumentError } from '@tsmr/common';
import { blockNumber } from '../block-id';
import { normalizePath } from '../paths';
import type { StoredBlock } from './namespace';

export function checkedPath(value: string, field = 'path'): string {
  try {
    return normalizePath(value);
  } catch (err) {
    // normalizePath's messages already say "path".
    if (field !== 'path' && err instanceof InvalidArgumentError) throw new InvalidArgumentError(`${field}: ${err.message}`);
    throw err;
  }
}

export function required(value: string | undefined, field: string): string {
  if (!value) throw new InvalidArgumentError(`${field} is required`);
  return value;
}

export function nonNegative(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError(`${field} ${value} must be a non-negative integer`);
  return value;
}

/** The number in a block id, or undefined when it is not one. */
export function parseBlockId(id: string): number | undefined {
  try {
    return Number(blockNumber(id));
  } catch {
    return undefined;
  }
}

export function requireBlockId(id: string, field: string): number {
  const n = parseBlockId(id);
  if (n === undefined) throw new InvalidArgumentError(`${field} '${id.slice(0, 100)}' is not a block id (blk_<number>)`);
  return n;
}

/** A BlockRef field, or undefined when it is absent or empty. */
export function blockRef(ref: { blockId: string; length: number } | null, field: string): StoredBlock | undefined {
  if (!ref?.blockId) return undefined;
  return { id: requireBlockId(ref.blockId, `${field}.block_id`), length: nonNegative(ref.length, `${field}.length`) };
}
