// Sizes and durations in config and flags take units: `64MB`, `1m`, `512KiB`; `3s`, `100ms`.
import { z } from 'zod';
import { InvalidArgumentError } from './errors';

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };
const DURATION_UNITS: Record<string, number> = { '': 1, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Bytes from `1048576`, `64MB`, `64m`, `1GiB`... K, M, G, T are powers of 1024, as in HDFS. */
export function parseSize(value: string | number, what = 'size'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(String(value));
  const unit = SIZE_UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) {
    throw new InvalidArgumentError(`${what} '${value}' is not a size (examples: 1048576, 512KB, 64MB, 1GiB)`);
  }
  const bytes = Number(match[1]) * unit;
  if (!Number.isSafeInteger(bytes)) throw new InvalidArgumentError(`${what} '${value}' is not a whole number of bytes`);
  return bytes;
}

/** Milliseconds from `250`, `250ms`, `3s`, `1m`, `1h`. */
export function parseDuration(value: string | number, what = 'duration'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(String(value));
  const unit = DURATION_UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) {
    throw new InvalidArgumentError(`${what} '${value}' is not a duration (examples: 250ms, 3s, 1m)`);
  }
  return Math.round(Number(match[1]) * unit);
}

export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return i === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[i]}`;
}

/** zod fields for config objects: accept a number or a string with units. */
export const sizeSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return parseSize(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

export const durationSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return parseDuration(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});
