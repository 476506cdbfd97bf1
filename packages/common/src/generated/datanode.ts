import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DataTransferClient as _tsmr_datanode_DataTransferClient, DataTransferDefinition as _tsmr_datanode_DataTransferDefinition } from './tsmr/datanode/DataTransfer';
import type { GetReplicaPathRequest as _tsmr_datanode_GetReplicaPathRequest, GetReplicaPathRequest__Output as _tsmr_datanode_GetReplicaPathRequest__Output } from './tsmr/datanode/GetReplicaPathRequest';
import type { ReplicaPath as _tsmr_datanode_ReplicaPath, ReplicaPath__Output as _tsmr_datanode_ReplicaPath__Output } from './tsmr/datanode/ReplicaPath';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tsmr: {
    datanode: {
      DataTransfer: SubtypeConstructor<typeof grpc.Client, _tsmr_datanode_DataTransferClient> & { service: _tsmr_datanode_DataTransferDefinition }
      GetReplicaPathRequest: MessageTypeDefinition<_tsmr_datanode_GetReplicaPathRequest, _tsmr_datanode_GetReplicaPathRequest__Output>
      ReplicaPath: MessageTypeDefinition<_tsmr_datanode_ReplicaPath, _tsmr_datanode_ReplicaPath__Output>
    }
  }
}

