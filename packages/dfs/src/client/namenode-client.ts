// The namenode's ClientProtocol as promises, retrying calls that meet a namenode that is
// restarting or in safe mode (UNAVAILABLE) for up to `retryForMs`.
import { namenodeProto, unaryClient, type ClientProtocolDefinition, type UnaryApi } from '@tsmr/common';

export type ClientProtocolApi = UnaryApi<ClientProtocolDefinition>;

export interface NamenodeClientOptions {
  secret?: string;
  /** How long to keep retrying a namenode that is unreachable or in safe mode (ms). */
  retryForMs?: number;
  /** Deadline of one call (ms). */
  timeoutMs?: number;
}

export function namenodeClient(address: string, options: NamenodeClientOptions = {}): { api: ClientProtocolApi; close(): void } {
  return unaryClient(namenodeProto().ClientProtocol, address, { ...options, retryForMs: options.retryForMs ?? 5000 });
}
