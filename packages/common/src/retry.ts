// Retry with exponential backoff and jitter, for calls that may meet a restarting peer.
import { status } from '@grpc/grpc-js';
import { TsmrError } from './errors';

export interface RetryOptions {
  /** Give up once this much time has passed since the first try (ms). */
  retryForMs: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Which errors are worth another try; by default UNAVAILABLE ones. */
  retryable?: (err: unknown) => boolean;
}

export function isUnavailable(err: unknown): boolean {
  return err instanceof TsmrError && err.code === status.UNAVAILABLE;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { retryForMs, initialDelayMs = 50, maxDelayMs = 2000, retryable = isUnavailable } = options;
  const giveUpAt = Date.now() + retryForMs;
  let delay = initialDelayMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!retryable(err) || Date.now() + delay > giveUpAt) throw err;
      await sleep(delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
