// The namenode's ClientProtocol as promises, retrying calls that meet a namenode that is
// restarting or in safe mode (UNAVAILABLE) for up to `retryForMs`.
import { namenodeProto, unaryClient, withRetry, type UnaryApi, type ClientProtocolDefinition } from '@tsmr/common';

export type ClientProtocolApi = UnaryApi<ClientProtocolDefinition>;

export interface NamenodeClientOptions {
  secret?: string;
  /** How long to keep retrying a namenode that is unreachable or in safe mode (ms). */
  retryForMs?: number;
  /** Deadline of one call (ms). */
  timeoutMs?: number;
}

export function namenodeClient(address: string, options: NamenodeClientOptions = {}): { api: ClientProtocolApi; close(): void } {
  const { api: raw, close } = unaryClient(namenodeProto().ClientProtocol, address, {
    secret: options.secret,
    timeoutMs: options.timeoutMs,
  });
  const retryForMs = options.retryForMs ?? 5000;
  const api = {} as Record<string, (request: unknown) => Promise<unknown>>;
  for (const [name, call] of Object.entries(raw as Record<string, (request: unknown) => Promise<unknown>>)) {
    api[name] = (request) => withRetry(() => call(request), { retryForMs });
  }
  return { api: api as ClientProtocolApi, close };
}
