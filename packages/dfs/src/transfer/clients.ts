// One DataTransfer client (one HTTP/2 channel) per datanode address, shared by every
// short-circuit reader in the process (GetReplicaPath, once a block), so they reuse a
// connection.
import { datanodeProto, streamingClient, type DataTransferClient } from '@tsmr/common';

const clients = new Map<string, DataTransferClient>();

export function dataTransferClient(address: string): DataTransferClient {
  let client = clients.get(address);
  if (!client) {
    // The constructor's methods are made from the service definition, whose types DataTransferClient spells out.
    client = streamingClient(datanodeProto().DataTransfer, address) as unknown as DataTransferClient;
    clients.set(address, client);
  }
  return client;
}

/** Closes every cached channel (at shutdown, and between tests). */
export function closeTransferClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}
