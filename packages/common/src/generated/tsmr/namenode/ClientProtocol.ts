// Original file: proto/namenode.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AbandonBlockRequest as _tsmr_namenode_AbandonBlockRequest, AbandonBlockRequest__Output as _tsmr_namenode_AbandonBlockRequest__Output } from '../../tsmr/namenode/AbandonBlockRequest';
import type { AddBlockRequest as _tsmr_namenode_AddBlockRequest, AddBlockRequest__Output as _tsmr_namenode_AddBlockRequest__Output } from '../../tsmr/namenode/AddBlockRequest';
import type { ClusterReport as _tsmr_namenode_ClusterReport, ClusterReport__Output as _tsmr_namenode_ClusterReport__Output } from '../../tsmr/namenode/ClusterReport';
import type { CompleteRequest as _tsmr_namenode_CompleteRequest, CompleteRequest__Output as _tsmr_namenode_CompleteRequest__Output } from '../../tsmr/namenode/CompleteRequest';
import type { CompleteResponse as _tsmr_namenode_CompleteResponse, CompleteResponse__Output as _tsmr_namenode_CompleteResponse__Output } from '../../tsmr/namenode/CompleteResponse';
import type { ContentSummary as _tsmr_namenode_ContentSummary, ContentSummary__Output as _tsmr_namenode_ContentSummary__Output } from '../../tsmr/namenode/ContentSummary';
import type { CreateRequest as _tsmr_namenode_CreateRequest, CreateRequest__Output as _tsmr_namenode_CreateRequest__Output } from '../../tsmr/namenode/CreateRequest';
import type { DeleteRequest as _tsmr_namenode_DeleteRequest, DeleteRequest__Output as _tsmr_namenode_DeleteRequest__Output } from '../../tsmr/namenode/DeleteRequest';
import type { DeleteResponse as _tsmr_namenode_DeleteResponse, DeleteResponse__Output as _tsmr_namenode_DeleteResponse__Output } from '../../tsmr/namenode/DeleteResponse';
import type { Empty as _tsmr_namenode_Empty, Empty__Output as _tsmr_namenode_Empty__Output } from '../../tsmr/namenode/Empty';
import type { FileStatus as _tsmr_namenode_FileStatus, FileStatus__Output as _tsmr_namenode_FileStatus__Output } from '../../tsmr/namenode/FileStatus';
import type { FsckReport as _tsmr_namenode_FsckReport, FsckReport__Output as _tsmr_namenode_FsckReport__Output } from '../../tsmr/namenode/FsckReport';
import type { GetBlockLocationsRequest as _tsmr_namenode_GetBlockLocationsRequest, GetBlockLocationsRequest__Output as _tsmr_namenode_GetBlockLocationsRequest__Output } from '../../tsmr/namenode/GetBlockLocationsRequest';
import type { ListRequest as _tsmr_namenode_ListRequest, ListRequest__Output as _tsmr_namenode_ListRequest__Output } from '../../tsmr/namenode/ListRequest';
import type { ListResponse as _tsmr_namenode_ListResponse, ListResponse__Output as _tsmr_namenode_ListResponse__Output } from '../../tsmr/namenode/ListResponse';
import type { LocatedBlock as _tsmr_namenode_LocatedBlock, LocatedBlock__Output as _tsmr_namenode_LocatedBlock__Output } from '../../tsmr/namenode/LocatedBlock';
import type { LocatedBlocks as _tsmr_namenode_LocatedBlocks, LocatedBlocks__Output as _tsmr_namenode_LocatedBlocks__Output } from '../../tsmr/namenode/LocatedBlocks';
import type { MkdirsRequest as _tsmr_namenode_MkdirsRequest, MkdirsRequest__Output as _tsmr_namenode_MkdirsRequest__Output } from '../../tsmr/namenode/MkdirsRequest';
import type { PathRequest as _tsmr_namenode_PathRequest, PathRequest__Output as _tsmr_namenode_PathRequest__Output } from '../../tsmr/namenode/PathRequest';
import type { RenameRequest as _tsmr_namenode_RenameRequest, RenameRequest__Output as _tsmr_namenode_RenameRequest__Output } from '../../tsmr/namenode/RenameRequest';
import type { RenewLeaseRequest as _tsmr_namenode_RenewLeaseRequest, RenewLeaseRequest__Output as _tsmr_namenode_RenewLeaseRequest__Output } from '../../tsmr/namenode/RenewLeaseRequest';
import type { ReportBadBlocksRequest as _tsmr_namenode_ReportBadBlocksRequest, ReportBadBlocksRequest__Output as _tsmr_namenode_ReportBadBlocksRequest__Output } from '../../tsmr/namenode/ReportBadBlocksRequest';
import type { SetReplicationRequest as _tsmr_namenode_SetReplicationRequest, SetReplicationRequest__Output as _tsmr_namenode_SetReplicationRequest__Output } from '../../tsmr/namenode/SetReplicationRequest';

export interface ClientProtocolClient extends grpc.Client {
  AbandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  AbandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  AbandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  AbandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  abandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  abandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  abandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  abandonBlock(argument: _tsmr_namenode_AbandonBlockRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  AddBlock(argument: _tsmr_namenode_AddBlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  AddBlock(argument: _tsmr_namenode_AddBlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  AddBlock(argument: _tsmr_namenode_AddBlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  AddBlock(argument: _tsmr_namenode_AddBlockRequest, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  addBlock(argument: _tsmr_namenode_AddBlockRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  addBlock(argument: _tsmr_namenode_AddBlockRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  addBlock(argument: _tsmr_namenode_AddBlockRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  addBlock(argument: _tsmr_namenode_AddBlockRequest, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlock__Output>): grpc.ClientUnaryCall;
  
  Complete(argument: _tsmr_namenode_CompleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  Complete(argument: _tsmr_namenode_CompleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  Complete(argument: _tsmr_namenode_CompleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  Complete(argument: _tsmr_namenode_CompleteRequest, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  complete(argument: _tsmr_namenode_CompleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  complete(argument: _tsmr_namenode_CompleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  complete(argument: _tsmr_namenode_CompleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  complete(argument: _tsmr_namenode_CompleteRequest, callback: grpc.requestCallback<_tsmr_namenode_CompleteResponse__Output>): grpc.ClientUnaryCall;
  
  Create(argument: _tsmr_namenode_CreateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  Create(argument: _tsmr_namenode_CreateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  Create(argument: _tsmr_namenode_CreateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  Create(argument: _tsmr_namenode_CreateRequest, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  create(argument: _tsmr_namenode_CreateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  create(argument: _tsmr_namenode_CreateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  create(argument: _tsmr_namenode_CreateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  create(argument: _tsmr_namenode_CreateRequest, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  
  Delete(argument: _tsmr_namenode_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _tsmr_namenode_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _tsmr_namenode_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  Delete(argument: _tsmr_namenode_DeleteRequest, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tsmr_namenode_DeleteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tsmr_namenode_DeleteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tsmr_namenode_DeleteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  delete(argument: _tsmr_namenode_DeleteRequest, callback: grpc.requestCallback<_tsmr_namenode_DeleteResponse__Output>): grpc.ClientUnaryCall;
  
  Fsck(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  Fsck(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  Fsck(argument: _tsmr_namenode_PathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  Fsck(argument: _tsmr_namenode_PathRequest, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  fsck(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  fsck(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  fsck(argument: _tsmr_namenode_PathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  fsck(argument: _tsmr_namenode_PathRequest, callback: grpc.requestCallback<_tsmr_namenode_FsckReport__Output>): grpc.ClientUnaryCall;
  
  GetBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  GetBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  GetBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  GetBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  getBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  getBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  getBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  getBlockLocations(argument: _tsmr_namenode_GetBlockLocationsRequest, callback: grpc.requestCallback<_tsmr_namenode_LocatedBlocks__Output>): grpc.ClientUnaryCall;
  
  GetClusterReport(argument: _tsmr_namenode_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  GetClusterReport(argument: _tsmr_namenode_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  GetClusterReport(argument: _tsmr_namenode_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  GetClusterReport(argument: _tsmr_namenode_Empty, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  getClusterReport(argument: _tsmr_namenode_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  getClusterReport(argument: _tsmr_namenode_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  getClusterReport(argument: _tsmr_namenode_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  getClusterReport(argument: _tsmr_namenode_Empty, callback: grpc.requestCallback<_tsmr_namenode_ClusterReport__Output>): grpc.ClientUnaryCall;
  
  GetContentSummary(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  GetContentSummary(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  GetContentSummary(argument: _tsmr_namenode_PathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  GetContentSummary(argument: _tsmr_namenode_PathRequest, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  getContentSummary(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  getContentSummary(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  getContentSummary(argument: _tsmr_namenode_PathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  getContentSummary(argument: _tsmr_namenode_PathRequest, callback: grpc.requestCallback<_tsmr_namenode_ContentSummary__Output>): grpc.ClientUnaryCall;
  
  List(argument: _tsmr_namenode_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tsmr_namenode_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tsmr_namenode_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tsmr_namenode_ListRequest, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tsmr_namenode_ListRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tsmr_namenode_ListRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tsmr_namenode_ListRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tsmr_namenode_ListRequest, callback: grpc.requestCallback<_tsmr_namenode_ListResponse__Output>): grpc.ClientUnaryCall;
  
  Mkdirs(argument: _tsmr_namenode_MkdirsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  Mkdirs(argument: _tsmr_namenode_MkdirsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  Mkdirs(argument: _tsmr_namenode_MkdirsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  Mkdirs(argument: _tsmr_namenode_MkdirsRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  mkdirs(argument: _tsmr_namenode_MkdirsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  mkdirs(argument: _tsmr_namenode_MkdirsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  mkdirs(argument: _tsmr_namenode_MkdirsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  mkdirs(argument: _tsmr_namenode_MkdirsRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  Rename(argument: _tsmr_namenode_RenameRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  Rename(argument: _tsmr_namenode_RenameRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  Rename(argument: _tsmr_namenode_RenameRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  Rename(argument: _tsmr_namenode_RenameRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  rename(argument: _tsmr_namenode_RenameRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  rename(argument: _tsmr_namenode_RenameRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  rename(argument: _tsmr_namenode_RenameRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  rename(argument: _tsmr_namenode_RenameRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  RenewLease(argument: _tsmr_namenode_RenewLeaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  RenewLease(argument: _tsmr_namenode_RenewLeaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  RenewLease(argument: _tsmr_namenode_RenewLeaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  RenewLease(argument: _tsmr_namenode_RenewLeaseRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _tsmr_namenode_RenewLeaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _tsmr_namenode_RenewLeaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _tsmr_namenode_RenewLeaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  renewLease(argument: _tsmr_namenode_RenewLeaseRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  ReportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  reportBadBlocks(argument: _tsmr_namenode_ReportBadBlocksRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  SetReplication(argument: _tsmr_namenode_SetReplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  SetReplication(argument: _tsmr_namenode_SetReplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  SetReplication(argument: _tsmr_namenode_SetReplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  SetReplication(argument: _tsmr_namenode_SetReplicationRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  setReplication(argument: _tsmr_namenode_SetReplicationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  setReplication(argument: _tsmr_namenode_SetReplicationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  setReplication(argument: _tsmr_namenode_SetReplicationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  setReplication(argument: _tsmr_namenode_SetReplicationRequest, callback: grpc.requestCallback<_tsmr_namenode_Empty__Output>): grpc.ClientUnaryCall;
  
  Stat(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  Stat(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  Stat(argument: _tsmr_namenode_PathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  Stat(argument: _tsmr_namenode_PathRequest, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  stat(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  stat(argument: _tsmr_namenode_PathRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  stat(argument: _tsmr_namenode_PathRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  stat(argument: _tsmr_namenode_PathRequest, callback: grpc.requestCallback<_tsmr_namenode_FileStatus__Output>): grpc.ClientUnaryCall;
  
}

export interface ClientProtocolHandlers extends grpc.UntypedServiceImplementation {
  AbandonBlock: grpc.handleUnaryCall<_tsmr_namenode_AbandonBlockRequest__Output, _tsmr_namenode_Empty>;
  
  AddBlock: grpc.handleUnaryCall<_tsmr_namenode_AddBlockRequest__Output, _tsmr_namenode_LocatedBlock>;
  
  Complete: grpc.handleUnaryCall<_tsmr_namenode_CompleteRequest__Output, _tsmr_namenode_CompleteResponse>;
  
  Create: grpc.handleUnaryCall<_tsmr_namenode_CreateRequest__Output, _tsmr_namenode_FileStatus>;
  
  Delete: grpc.handleUnaryCall<_tsmr_namenode_DeleteRequest__Output, _tsmr_namenode_DeleteResponse>;
  
  Fsck: grpc.handleUnaryCall<_tsmr_namenode_PathRequest__Output, _tsmr_namenode_FsckReport>;
  
  GetBlockLocations: grpc.handleUnaryCall<_tsmr_namenode_GetBlockLocationsRequest__Output, _tsmr_namenode_LocatedBlocks>;
  
  GetClusterReport: grpc.handleUnaryCall<_tsmr_namenode_Empty__Output, _tsmr_namenode_ClusterReport>;
  
  GetContentSummary: grpc.handleUnaryCall<_tsmr_namenode_PathRequest__Output, _tsmr_namenode_ContentSummary>;
  
  List: grpc.handleUnaryCall<_tsmr_namenode_ListRequest__Output, _tsmr_namenode_ListResponse>;
  
  Mkdirs: grpc.handleUnaryCall<_tsmr_namenode_MkdirsRequest__Output, _tsmr_namenode_Empty>;
  
  Rename: grpc.handleUnaryCall<_tsmr_namenode_RenameRequest__Output, _tsmr_namenode_Empty>;
  
  RenewLease: grpc.handleUnaryCall<_tsmr_namenode_RenewLeaseRequest__Output, _tsmr_namenode_Empty>;
  
  ReportBadBlocks: grpc.handleUnaryCall<_tsmr_namenode_ReportBadBlocksRequest__Output, _tsmr_namenode_Empty>;
  
  SetReplication: grpc.handleUnaryCall<_tsmr_namenode_SetReplicationRequest__Output, _tsmr_namenode_Empty>;
  
  Stat: grpc.handleUnaryCall<_tsmr_namenode_PathRequest__Output, _tsmr_namenode_FileStatus>;
  
}

export interface ClientProtocolDefinition extends grpc.ServiceDefinition {
  AbandonBlock: MethodDefinition<_tsmr_namenode_AbandonBlockRequest, _tsmr_namenode_Empty, _tsmr_namenode_AbandonBlockRequest__Output, _tsmr_namenode_Empty__Output>
  AddBlock: MethodDefinition<_tsmr_namenode_AddBlockRequest, _tsmr_namenode_LocatedBlock, _tsmr_namenode_AddBlockRequest__Output, _tsmr_namenode_LocatedBlock__Output>
  Complete: MethodDefinition<_tsmr_namenode_CompleteRequest, _tsmr_namenode_CompleteResponse, _tsmr_namenode_CompleteRequest__Output, _tsmr_namenode_CompleteResponse__Output>
  Create: MethodDefinition<_tsmr_namenode_CreateRequest, _tsmr_namenode_FileStatus, _tsmr_namenode_CreateRequest__Output, _tsmr_namenode_FileStatus__Output>
  Delete: MethodDefinition<_tsmr_namenode_DeleteRequest, _tsmr_namenode_DeleteResponse, _tsmr_namenode_DeleteRequest__Output, _tsmr_namenode_DeleteResponse__Output>
  Fsck: MethodDefinition<_tsmr_namenode_PathRequest, _tsmr_namenode_FsckReport, _tsmr_namenode_PathRequest__Output, _tsmr_namenode_FsckReport__Output>
  GetBlockLocations: MethodDefinition<_tsmr_namenode_GetBlockLocationsRequest, _tsmr_namenode_LocatedBlocks, _tsmr_namenode_GetBlockLocationsRequest__Output, _tsmr_namenode_LocatedBlocks__Output>
  GetClusterReport: MethodDefinition<_tsmr_namenode_Empty, _tsmr_namenode_ClusterReport, _tsmr_namenode_Empty__Output, _tsmr_namenode_ClusterReport__Output>
  GetContentSummary: MethodDefinition<_tsmr_namenode_PathRequest, _tsmr_namenode_ContentSummary, _tsmr_namenode_PathRequest__Output, _tsmr_namenode_ContentSummary__Output>
  List: MethodDefinition<_tsmr_namenode_ListRequest, _tsmr_namenode_ListResponse, _tsmr_namenode_ListRequest__Output, _tsmr_namenode_ListResponse__Output>
  Mkdirs: MethodDefinition<_tsmr_namenode_MkdirsRequest, _tsmr_namenode_Empty, _tsmr_namenode_MkdirsRequest__Output, _tsmr_namenode_Empty__Output>
  Rename: MethodDefinition<_tsmr_namenode_RenameRequest, _tsmr_namenode_Empty, _tsmr_namenode_RenameRequest__Output, _tsmr_namenode_Empty__Output>
  RenewLease: MethodDefinition<_tsmr_namenode_RenewLeaseRequest, _tsmr_namenode_Empty, _tsmr_namenode_RenewLeaseRequest__Output, _tsmr_namenode_Empty__Output>
  ReportBadBlocks: MethodDefinition<_tsmr_namenode_ReportBadBlocksRequest, _tsmr_namenode_Empty, _tsmr_namenode_ReportBadBlocksRequest__Output, _tsmr_namenode_Empty__Output>
  SetReplication: MethodDefinition<_tsmr_namenode_SetReplicationRequest, _tsmr_namenode_Empty, _tsmr_namenode_SetReplicationRequest__Output, _tsmr_namenode_Empty__Output>
  Stat: MethodDefinition<_tsmr_namenode_PathRequest, _tsmr_namenode_FileStatus, _tsmr_namenode_PathRequest__Output, _tsmr_namenode_FileStatus__Output>
}
