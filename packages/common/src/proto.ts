// Loads the .proto files once, with the same options scripts/gen-proto-types.js used to
// generate the types, and hands out typed service constructors. The one cast lives here.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import type { ProtoGrpcType as DatanodeProto } from './generated/datanode';
import type { ProtoGrpcType as MasterProto } from './generated/master';
import type { ProtoGrpcType as NamenodeProto } from './generated/namenode';

/** The repository's proto/ folder (the same depth from src/ and dist/). */
export const PROTO_DIR = path.resolve(__dirname, '../../../proto');

const LOADER_OPTIONS: protoLoader.Options = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

let namenode: NamenodeProto | undefined;
let datanode: DatanodeProto | undefined;
let master: MasterProto | undefined;

function load<T>(file: string): T {
  const definition = protoLoader.loadSync(path.join(PROTO_DIR, file), LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

export function namenodeProto(): NamenodeProto['tsmr']['namenode'] {
  namenode ??= load<NamenodeProto>('namenode.proto');
  return namenode.tsmr.namenode;
}

export function datanodeProto(): DatanodeProto['tsmr']['datanode'] {
  datanode ??= load<DatanodeProto>('datanode.proto');
  return datanode.tsmr.datanode;
}

export function masterProto(): MasterProto['tsmr']['master'] {
  master ??= load<MasterProto>('master.proto');
  return master.tsmr.master;
}

