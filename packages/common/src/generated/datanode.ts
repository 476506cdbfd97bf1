import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { DataTransferClient as _tsmr_datanode_DataTransferClient, DataTransferDefinition as _tsmr_datanode_DataTransferDefinition } from './tsmr/datanode/DataTransfer';
import type { GetReplicaPathRequest as _tsmr_datanode_GetReplicaPathRequest, GetReplicaPathRequest__Output as _tsmr_datanode_GetReplicaPathRequest__Output } from './tsmr/datanode/GetReplicaPathRequest';
import type { Packet as _tsmr_datanode_Packet, Packet__Output as _tsmr_datanode_Packet__Output } from './tsmr/datanode/Packet';
import type { ReadBlockRequest as _tsmr_datanode_ReadBlockRequest, ReadBlockRequest__Output as _tsmr_datanode_ReadBlockRequest__Output } from './tsmr/datanode/ReadBlockRequest';
import type { ReadChunk as _tsmr_datanode_ReadChunk, ReadChunk__Output as _tsmr_datanode_ReadChunk__Output } from './tsmr/datanode/ReadChunk';
import type { ReplicaPath as _tsmr_datanode_ReplicaPath, ReplicaPath__Output as _tsmr_datanode_ReplicaPath__Output } from './tsmr/datanode/ReplicaPath';
import type { WriteAck as _tsmr_datanode_WriteAck, WriteAck__Output as _tsmr_datanode_WriteAck__Output } from './tsmr/datanode/WriteAck';
import type { WriteBlockMessage as _tsmr_datanode_WriteBlockMessage, WriteBlockMessage__Output as _tsmr_datanode_WriteBlockMessage__Output } from './tsmr/datanode/WriteBlockMessage';
import type { WriteHeader as _tsmr_datanode_WriteHeader, WriteHeader__Output as _tsmr_datanode_WriteHeader__Output } from './tsmr/datanode/WriteHeader';
import type { AbandonBlockRequest as _tsmr_namenode_AbandonBlockRequest, AbandonBlockRequest__Output as _tsmr_namenode_AbandonBlockRequest__Output } from './tsmr/namenode/AbandonBlockRequest';
import type { AddBlockRequest as _tsmr_namenode_AddBlockRequest, AddBlockRequest__Output as _tsmr_namenode_AddBlockRequest__Output } from './tsmr/namenode/AddBlockRequest';
import type { BadBlock as _tsmr_namenode_BadBlock, BadBlock__Output as _tsmr_namenode_BadBlock__Output } from './tsmr/namenode/BadBlock';
import type { BlockReceivedRequest as _tsmr_namenode_BlockReceivedRequest, BlockReceivedRequest__Output as _tsmr_namenode_BlockReceivedRequest__Output } from './tsmr/namenode/BlockReceivedRequest';
import type { BlockRef as _tsmr_namenode_BlockRef, BlockRef__Output as _tsmr_namenode_BlockRef__Output } from './tsmr/namenode/BlockRef';
import type { BlockReportRequest as _tsmr_namenode_BlockReportRequest, BlockReportRequest__Output as _tsmr_namenode_BlockReportRequest__Output } from './tsmr/namenode/BlockReportRequest';
import type { ClientProtocolClient as _tsmr_namenode_ClientProtocolClient, ClientProtocolDefinition as _tsmr_namenode_ClientProtocolDefinition } from './tsmr/namenode/ClientProtocol';
import type { ClusterReport as _tsmr_namenode_ClusterReport, ClusterReport__Output as _tsmr_namenode_ClusterReport__Output } from './tsmr/namenode/ClusterReport';
import type { CompleteRequest as _tsmr_namenode_CompleteRequest, CompleteRequest__Output as _tsmr_namenode_CompleteRequest__Output } from './tsmr/namenode/CompleteRequest';
import type { CompleteResponse as _tsmr_namenode_CompleteResponse, CompleteResponse__Output as _tsmr_namenode_CompleteResponse__Output } from './tsmr/namenode/CompleteResponse';
import type { ContentSummary as _tsmr_namenode_ContentSummary, ContentSummary__Output as _tsmr_namenode_ContentSummary__Output } from './tsmr/namenode/ContentSummary';
import type { CreateRequest as _tsmr_namenode_CreateRequest, CreateRequest__Output as _tsmr_namenode_CreateRequest__Output } from './tsmr/namenode/CreateRequest';
import type { DatanodeCommand as _tsmr_namenode_DatanodeCommand, DatanodeCommand__Output as _tsmr_namenode_DatanodeCommand__Output } from './tsmr/namenode/DatanodeCommand';
import type { DatanodeInfo as _tsmr_namenode_DatanodeInfo, DatanodeInfo__Output as _tsmr_namenode_DatanodeInfo__Output } from './tsmr/namenode/DatanodeInfo';
import type { DatanodeProtocolClient as _tsmr_namenode_DatanodeProtocolClient, DatanodeProtocolDefinition as _tsmr_namenode_DatanodeProtocolDefinition } from './tsmr/namenode/DatanodeProtocol';
import type { DatanodeReport as _tsmr_namenode_DatanodeReport, DatanodeReport__Output as _tsmr_namenode_DatanodeReport__Output } from './tsmr/namenode/DatanodeReport';
import type { DeleteRequest as _tsmr_namenode_DeleteRequest, DeleteRequest__Output as _tsmr_namenode_DeleteRequest__Output } from './tsmr/namenode/DeleteRequest';
import type { DeleteResponse as _tsmr_namenode_DeleteResponse, DeleteResponse__Output as _tsmr_namenode_DeleteResponse__Output } from './tsmr/namenode/DeleteResponse';
import type { Empty as _tsmr_namenode_Empty, Empty__Output as _tsmr_namenode_Empty__Output } from './tsmr/namenode/Empty';
import type { FileStatus as _tsmr_namenode_FileStatus, FileStatus__Output as _tsmr_namenode_FileStatus__Output } from './tsmr/namenode/FileStatus';
import type { FsckBlock as _tsmr_namenode_FsckBlock, FsckBlock__Output as _tsmr_namenode_FsckBlock__Output } from './tsmr/namenode/FsckBlock';
import type { FsckFile as _tsmr_namenode_FsckFile, FsckFile__Output as _tsmr_namenode_FsckFile__Output } from './tsmr/namenode/FsckFile';
import type { FsckReplica as _tsmr_namenode_FsckReplica, FsckReplica__Output as _tsmr_namenode_FsckReplica__Output } from './tsmr/namenode/FsckReplica';
import type { FsckReport as _tsmr_namenode_FsckReport, FsckReport__Output as _tsmr_namenode_FsckReport__Output } from './tsmr/namenode/FsckReport';
import type { GetBlockLocationsRequest as _tsmr_namenode_GetBlockLocationsRequest, GetBlockLocationsRequest__Output as _tsmr_namenode_GetBlockLocationsRequest__Output } from './tsmr/namenode/GetBlockLocationsRequest';
import type { HeartbeatRequest as _tsmr_namenode_HeartbeatRequest, HeartbeatRequest__Output as _tsmr_namenode_HeartbeatRequest__Output } from './tsmr/namenode/HeartbeatRequest';
import type { HeartbeatResponse as _tsmr_namenode_HeartbeatResponse, HeartbeatResponse__Output as _tsmr_namenode_HeartbeatResponse__Output } from './tsmr/namenode/HeartbeatResponse';
import type { InvalidateCommand as _tsmr_namenode_InvalidateCommand, InvalidateCommand__Output as _tsmr_namenode_InvalidateCommand__Output } from './tsmr/namenode/InvalidateCommand';
import type { ListRequest as _tsmr_namenode_ListRequest, ListRequest__Output as _tsmr_namenode_ListRequest__Output } from './tsmr/namenode/ListRequest';
import type { ListResponse as _tsmr_namenode_ListResponse, ListResponse__Output as _tsmr_namenode_ListResponse__Output } from './tsmr/namenode/ListResponse';
import type { LocatedBlock as _tsmr_namenode_LocatedBlock, LocatedBlock__Output as _tsmr_namenode_LocatedBlock__Output } from './tsmr/namenode/LocatedBlock';
import type { LocatedBlocks as _tsmr_namenode_LocatedBlocks, LocatedBlocks__Output as _tsmr_namenode_LocatedBlocks__Output } from './tsmr/namenode/LocatedBlocks';
import type { MkdirsRequest as _tsmr_namenode_MkdirsRequest, MkdirsRequest__Output as _tsmr_namenode_MkdirsRequest__Output } from './tsmr/namenode/MkdirsRequest';
import type { PathRequest as _tsmr_namenode_PathRequest, PathRequest__Output as _tsmr_namenode_PathRequest__Output } from './tsmr/namenode/PathRequest';
import type { RegisterRequest as _tsmr_namenode_RegisterRequest, RegisterRequest__Output as _tsmr_namenode_RegisterRequest__Output } from './tsmr/namenode/RegisterRequest';
import type { RegisterResponse as _tsmr_namenode_RegisterResponse, RegisterResponse__Output as _tsmr_namenode_RegisterResponse__Output } from './tsmr/namenode/RegisterResponse';
import type { RenameRequest as _tsmr_namenode_RenameRequest, RenameRequest__Output as _tsmr_namenode_RenameRequest__Output } from './tsmr/namenode/RenameRequest';
import type { RenewLeaseRequest as _tsmr_namenode_RenewLeaseRequest, RenewLeaseRequest__Output as _tsmr_namenode_RenewLeaseRequest__Output } from './tsmr/namenode/RenewLeaseRequest';
import type { ReplicateCommand as _tsmr_namenode_ReplicateCommand, ReplicateCommand__Output as _tsmr_namenode_ReplicateCommand__Output } from './tsmr/namenode/ReplicateCommand';
import type { ReportBadBlocksRequest as _tsmr_namenode_ReportBadBlocksRequest, ReportBadBlocksRequest__Output as _tsmr_namenode_ReportBadBlocksRequest__Output } from './tsmr/namenode/ReportBadBlocksRequest';
import type { ReportedBlock as _tsmr_namenode_ReportedBlock, ReportedBlock__Output as _tsmr_namenode_ReportedBlock__Output } from './tsmr/namenode/ReportedBlock';
import type { ReregisterCommand as _tsmr_namenode_ReregisterCommand, ReregisterCommand__Output as _tsmr_namenode_ReregisterCommand__Output } from './tsmr/namenode/ReregisterCommand';
import type { SetReplicationRequest as _tsmr_namenode_SetReplicationRequest, SetReplicationRequest__Output as _tsmr_namenode_SetReplicationRequest__Output } from './tsmr/namenode/SetReplicationRequest';
import type { StorageReport as _tsmr_namenode_StorageReport, StorageReport__Output as _tsmr_namenode_StorageReport__Output } from './tsmr/namenode/StorageReport';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tsmr: {
    datanode: {
      DataTransfer: SubtypeConstructor<typeof grpc.Client, _tsmr_datanode_DataTransferClient> & { service: _tsmr_datanode_DataTransferDefinition }
      GetReplicaPathRequest: MessageTypeDefinition<_tsmr_datanode_GetReplicaPathRequest, _tsmr_datanode_GetReplicaPathRequest__Output>
      Packet: MessageTypeDefinition<_tsmr_datanode_Packet, _tsmr_datanode_Packet__Output>
      ReadBlockRequest: MessageTypeDefinition<_tsmr_datanode_ReadBlockRequest, _tsmr_datanode_ReadBlockRequest__Output>
      ReadChunk: MessageTypeDefinition<_tsmr_datanode_ReadChunk, _tsmr_datanode_ReadChunk__Output>
      ReplicaPath: MessageTypeDefinition<_tsmr_datanode_ReplicaPath, _tsmr_datanode_ReplicaPath__Output>
      WriteAck: MessageTypeDefinition<_tsmr_datanode_WriteAck, _tsmr_datanode_WriteAck__Output>
      WriteBlockMessage: MessageTypeDefinition<_tsmr_datanode_WriteBlockMessage, _tsmr_datanode_WriteBlockMessage__Output>
      WriteHeader: MessageTypeDefinition<_tsmr_datanode_WriteHeader, _tsmr_datanode_WriteHeader__Output>
    }
    namenode: {
      AbandonBlockRequest: MessageTypeDefinition<_tsmr_namenode_AbandonBlockRequest, _tsmr_namenode_AbandonBlockRequest__Output>
      AddBlockRequest: MessageTypeDefinition<_tsmr_namenode_AddBlockRequest, _tsmr_namenode_AddBlockRequest__Output>
      BadBlock: MessageTypeDefinition<_tsmr_namenode_BadBlock, _tsmr_namenode_BadBlock__Output>
      BlockHealth: EnumTypeDefinition
      BlockReceivedRequest: MessageTypeDefinition<_tsmr_namenode_BlockReceivedRequest, _tsmr_namenode_BlockReceivedRequest__Output>
      BlockRef: MessageTypeDefinition<_tsmr_namenode_BlockRef, _tsmr_namenode_BlockRef__Output>
      BlockReportRequest: MessageTypeDefinition<_tsmr_namenode_BlockReportRequest, _tsmr_namenode_BlockReportRequest__Output>
      ClientProtocol: SubtypeConstructor<typeof grpc.Client, _tsmr_namenode_ClientProtocolClient> & { service: _tsmr_namenode_ClientProtocolDefinition }
      ClusterReport: MessageTypeDefinition<_tsmr_namenode_ClusterReport, _tsmr_namenode_ClusterReport__Output>
      CompleteRequest: MessageTypeDefinition<_tsmr_namenode_CompleteRequest, _tsmr_namenode_CompleteRequest__Output>
      CompleteResponse: MessageTypeDefinition<_tsmr_namenode_CompleteResponse, _tsmr_namenode_CompleteResponse__Output>
      ContentSummary: MessageTypeDefinition<_tsmr_namenode_ContentSummary, _tsmr_namenode_ContentSummary__Output>
      CreateRequest: MessageTypeDefinition<_tsmr_namenode_CreateRequest, _tsmr_namenode_CreateRequest__Output>
      DatanodeCommand: MessageTypeDefinition<_tsmr_namenode_DatanodeCommand, _tsmr_namenode_DatanodeCommand__Output>
      DatanodeInfo: MessageTypeDefinition<_tsmr_namenode_DatanodeInfo, _tsmr_namenode_DatanodeInfo__Output>
      DatanodeProtocol: SubtypeConstructor<typeof grpc.Client, _tsmr_namenode_DatanodeProtocolClient> & { service: _tsmr_namenode_DatanodeProtocolDefinition }
      DatanodeReport: MessageTypeDefinition<_tsmr_namenode_DatanodeReport, _tsmr_namenode_DatanodeReport__Output>
      DeleteRequest: MessageTypeDefinition<_tsmr_namenode_DeleteRequest, _tsmr_namenode_DeleteRequest__Output>
      DeleteResponse: MessageTypeDefinition<_tsmr_namenode_DeleteResponse, _tsmr_namenode_DeleteResponse__Output>
      Empty: MessageTypeDefinition<_tsmr_namenode_Empty, _tsmr_namenode_Empty__Output>
      FileStatus: MessageTypeDefinition<_tsmr_namenode_FileStatus, _tsmr_namenode_FileStatus__Output>
      FileType: EnumTypeDefinition
      FsckBlock: MessageTypeDefinition<_tsmr_namenode_FsckBlock, _tsmr_namenode_FsckBlock__Output>
      FsckFile: MessageTypeDefinition<_tsmr_namenode_FsckFile, _tsmr_namenode_FsckFile__Output>
      FsckReplica: MessageTypeDefinition<_tsmr_namenode_FsckReplica, _tsmr_namenode_FsckReplica__Output>
      FsckReport: MessageTypeDefinition<_tsmr_namenode_FsckReport, _tsmr_namenode_FsckReport__Output>
      GetBlockLocationsRequest: MessageTypeDefinition<_tsmr_namenode_GetBlockLocationsRequest, _tsmr_namenode_GetBlockLocationsRequest__Output>
      HeartbeatRequest: MessageTypeDefinition<_tsmr_namenode_HeartbeatRequest, _tsmr_namenode_HeartbeatRequest__Output>
      HeartbeatResponse: MessageTypeDefinition<_tsmr_namenode_HeartbeatResponse, _tsmr_namenode_HeartbeatResponse__Output>
      InvalidateCommand: MessageTypeDefinition<_tsmr_namenode_InvalidateCommand, _tsmr_namenode_InvalidateCommand__Output>
      ListRequest: MessageTypeDefinition<_tsmr_namenode_ListRequest, _tsmr_namenode_ListRequest__Output>
      ListResponse: MessageTypeDefinition<_tsmr_namenode_ListResponse, _tsmr_namenode_ListResponse__Output>
      LocatedBlock: MessageTypeDefinition<_tsmr_namenode_LocatedBlock, _tsmr_namenode_LocatedBlock__Output>
      LocatedBlocks: MessageTypeDefinition<_tsmr_namenode_LocatedBlocks, _tsmr_namenode_LocatedBlocks__Output>
      MkdirsRequest: MessageTypeDefinition<_tsmr_namenode_MkdirsRequest, _tsmr_namenode_MkdirsRequest__Output>
      PathRequest: MessageTypeDefinition<_tsmr_namenode_PathRequest, _tsmr_namenode_PathRequest__Output>
      RegisterRequest: MessageTypeDefinition<_tsmr_namenode_RegisterRequest, _tsmr_namenode_RegisterRequest__Output>
      RegisterResponse: MessageTypeDefinition<_tsmr_namenode_RegisterResponse, _tsmr_namenode_RegisterResponse__Output>
      RenameRequest: MessageTypeDefinition<_tsmr_namenode_RenameRequest, _tsmr_namenode_RenameRequest__Output>
      RenewLeaseRequest: MessageTypeDefinition<_tsmr_namenode_RenewLeaseRequest, _tsmr_namenode_RenewLeaseRequest__Output>
      ReplicaState: EnumTypeDefinition
      ReplicateCommand: MessageTypeDefinition<_tsmr_namenode_ReplicateCommand, _tsmr_namenode_ReplicateCommand__Output>
      ReportBadBlocksRequest: MessageTypeDefinition<_tsmr_namenode_ReportBadBlocksRequest, _tsmr_namenode_ReportBadBlocksRequest__Output>
      ReportedBlock: MessageTypeDefinition<_tsmr_namenode_ReportedBlock, _tsmr_namenode_ReportedBlock__Output>
      ReregisterCommand: MessageTypeDefinition<_tsmr_namenode_ReregisterCommand, _tsmr_namenode_ReregisterCommand__Output>
      SetReplicationRequest: MessageTypeDefinition<_tsmr_namenode_SetReplicationRequest, _tsmr_namenode_SetReplicationRequest__Output>
      StorageReport: MessageTypeDefinition<_tsmr_namenode_StorageReport, _tsmr_namenode_StorageReport__Output>
    }
  }
}

