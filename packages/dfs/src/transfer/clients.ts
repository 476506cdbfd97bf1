// One DataTransfer client (one HTTP/2 channel) per datanode address, shared by every
// block read and write in the process, so many transfers to a node reuse a connection.
import { datanodeProto, streamingClient, type DataTransferClient } from '@tsmr/common';

const clients = new Map<string, DataTransferClient>();

export function dataTransferClient(address: string): DataTransferClient {
  let client = clients.get(address);
  if (!client) {
    client = streamingClient(datanodeProto().DataTransfer, address);
    clients.set(address, client);
  }
  return client;
}

/** Closes every cached channel (at shutdown, and between tests). */
export function closeTransferClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}
