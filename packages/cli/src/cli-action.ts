// How every command ends: errors print as one `tsmr: CODE: message` line (the stack only
// with --verbose) and exit non-zero. Flag parsers report bad values through commander.
import { InvalidArgumentError as FlagError, Option } from 'commander';
import { describeError, parseDuration, parseSize } from '@tsmr/common';

export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      process.stderr.write(`tsmr: ${describeError(err)}\n`);
      if (process.argv.includes('--verbose') && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 1;
    }
  };
}

export function intFlag(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new FlagError(`expected an integer ≥ ${min}`);
    return n;
  };
}

export function sizeFlag(value: string): number {
  try {
    return parseSize(value);
  } catch (err) {
    throw new FlagError((err as Error).message);
  }
}

export function durationFlag(value: string): string {
  try {
    parseDuration(value);
    return value;
  } catch (err) {
    throw new FlagError((err as Error).message);
  }
}

/** A size flag whose help shows its default with units (64MB, not 67108864). */
export function sizeOption(flags: string, description: string, defaultSize: string): Option {
  return new Option(flags, description).argParser(sizeFlag).default(parseSize(defaultSize), defaultSize);
}
