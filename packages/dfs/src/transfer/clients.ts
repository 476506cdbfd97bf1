// One DataTransfer client (one HTTP/2 channel) per datanode address, shared by every
// block read and write in the process, so many transfers to a node reuse a connection.
import * as grpc from '@grpc/grpc-js';
import { streamingClient } from '@tsmr/common';
import { dataTransferDefinition, type DataTransferChannel } from './encoded-messages';

let DataTransferConstructor: grpc.ServiceClientConstructor | undefined;
const clients = new Map<string, DataTransferChannel>();

export function dataTransferClient(address: string): DataTransferChannel {
  let client = clients.get(address);
  if (!client) {
    DataTransferConstructor ??= grpc.makeClientConstructor(dataTransferDefinition(), 'DataTransfer');
    // The constructor's methods are made from the definition, whose types the interface spells out.
    client = streamingClient(DataTransferConstructor, address) as unknown as DataTransferChannel;
    clients.set(address, client);
  }
  return client;
}

/** Closes every cached channel (at shutdown, and between tests). */
export function closeTransferClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}
