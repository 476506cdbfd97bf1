import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttemptRecord as _tsmr_master_AttemptRecord, AttemptRecord__Output as _tsmr_master_AttemptRecord__Output } from './tsmr/master/AttemptRecord';
import type { AttemptReport as _tsmr_master_AttemptReport, AttemptReport__Output as _tsmr_master_AttemptReport__Output } from './tsmr/master/AttemptReport';
import type { Bundle as _tsmr_master_Bundle, Bundle__Output as _tsmr_master_Bundle__Output } from './tsmr/master/Bundle';
import type { BundleRequest as _tsmr_master_BundleRequest, BundleRequest__Output as _tsmr_master_BundleRequest__Output } from './tsmr/master/BundleRequest';
import type { DurationSummary as _tsmr_master_DurationSummary, DurationSummary__Output as _tsmr_master_DurationSummary__Output } from './tsmr/master/DurationSummary';
import type { HeartbeatReply as _tsmr_master_HeartbeatReply, HeartbeatReply__Output as _tsmr_master_HeartbeatReply__Output } from './tsmr/master/HeartbeatReply';
import type { InputSplit as _tsmr_master_InputSplit, InputSplit__Output as _tsmr_master_InputSplit__Output } from './tsmr/master/InputSplit';
import type { JobClientClient as _tsmr_master_JobClientClient, JobClientDefinition as _tsmr_master_JobClientDefinition } from './tsmr/master/JobClient';
import type { JobError as _tsmr_master_JobError, JobError__Output as _tsmr_master_JobError__Output } from './tsmr/master/JobError';
import type { JobHistory as _tsmr_master_JobHistory, JobHistory__Output as _tsmr_master_JobHistory__Output } from './tsmr/master/JobHistory';
import type { JobIdRequest as _tsmr_master_JobIdRequest, JobIdRequest__Output as _tsmr_master_JobIdRequest__Output } from './tsmr/master/JobIdRequest';
import type { JobSpec as _tsmr_master_JobSpec, JobSpec__Output as _tsmr_master_JobSpec__Output } from './tsmr/master/JobSpec';
import type { JobStatus as _tsmr_master_JobStatus, JobStatus__Output as _tsmr_master_JobStatus__Output } from './tsmr/master/JobStatus';
import type { ListJobsRequest as _tsmr_master_ListJobsRequest, ListJobsRequest__Output as _tsmr_master_ListJobsRequest__Output } from './tsmr/master/ListJobsRequest';
import type { ListJobsResponse as _tsmr_master_ListJobsResponse, ListJobsResponse__Output as _tsmr_master_ListJobsResponse__Output } from './tsmr/master/ListJobsResponse';
import type { MapOutputLocation as _tsmr_master_MapOutputLocation, MapOutputLocation__Output as _tsmr_master_MapOutputLocation__Output } from './tsmr/master/MapOutputLocation';
import type { SubmitJobRequest as _tsmr_master_SubmitJobRequest, SubmitJobRequest__Output as _tsmr_master_SubmitJobRequest__Output } from './tsmr/master/SubmitJobRequest';
import type { SubmitJobResponse as _tsmr_master_SubmitJobResponse, SubmitJobResponse__Output as _tsmr_master_SubmitJobResponse__Output } from './tsmr/master/SubmitJobResponse';
import type { TaskAssignment as _tsmr_master_TaskAssignment, TaskAssignment__Output as _tsmr_master_TaskAssignment__Output } from './tsmr/master/TaskAssignment';
import type { WorkerHeartbeat as _tsmr_master_WorkerHeartbeat, WorkerHeartbeat__Output as _tsmr_master_WorkerHeartbeat__Output } from './tsmr/master/WorkerHeartbeat';
import type { WorkerProtocolClient as _tsmr_master_WorkerProtocolClient, WorkerProtocolDefinition as _tsmr_master_WorkerProtocolDefinition } from './tsmr/master/WorkerProtocol';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tsmr: {
    master: {
      AttemptRecord: MessageTypeDefinition<_tsmr_master_AttemptRecord, _tsmr_master_AttemptRecord__Output>
      AttemptReport: MessageTypeDefinition<_tsmr_master_AttemptReport, _tsmr_master_AttemptReport__Output>
      AttemptState: EnumTypeDefinition
      Bundle: MessageTypeDefinition<_tsmr_master_Bundle, _tsmr_master_Bundle__Output>
      BundleRequest: MessageTypeDefinition<_tsmr_master_BundleRequest, _tsmr_master_BundleRequest__Output>
      DurationSummary: MessageTypeDefinition<_tsmr_master_DurationSummary, _tsmr_master_DurationSummary__Output>
      HeartbeatReply: MessageTypeDefinition<_tsmr_master_HeartbeatReply, _tsmr_master_HeartbeatReply__Output>
      InputSplit: MessageTypeDefinition<_tsmr_master_InputSplit, _tsmr_master_InputSplit__Output>
      JobClient: SubtypeConstructor<typeof grpc.Client, _tsmr_master_JobClientClient> & { service: _tsmr_master_JobClientDefinition }
      JobError: MessageTypeDefinition<_tsmr_master_JobError, _tsmr_master_JobError__Output>
      JobHistory: MessageTypeDefinition<_tsmr_master_JobHistory, _tsmr_master_JobHistory__Output>
      JobIdRequest: MessageTypeDefinition<_tsmr_master_JobIdRequest, _tsmr_master_JobIdRequest__Output>
      JobSpec: MessageTypeDefinition<_tsmr_master_JobSpec, _tsmr_master_JobSpec__Output>
      JobState: EnumTypeDefinition
      JobStatus: MessageTypeDefinition<_tsmr_master_JobStatus, _tsmr_master_JobStatus__Output>
      ListJobsRequest: MessageTypeDefinition<_tsmr_master_ListJobsRequest, _tsmr_master_ListJobsRequest__Output>
      ListJobsResponse: MessageTypeDefinition<_tsmr_master_ListJobsResponse, _tsmr_master_ListJobsResponse__Output>
      MapOutputLocation: MessageTypeDefinition<_tsmr_master_MapOutputLocation, _tsmr_master_MapOutputLocation__Output>
      SubmitJobRequest: MessageTypeDefinition<_tsmr_master_SubmitJobRequest, _tsmr_master_SubmitJobRequest__Output>
      SubmitJobResponse: MessageTypeDefinition<_tsmr_master_SubmitJobResponse, _tsmr_master_SubmitJobResponse__Output>
      TaskAssignment: MessageTypeDefinition<_tsmr_master_TaskAssignment, _tsmr_master_TaskAssignment__Output>
      TaskType: EnumTypeDefinition
      WorkerHeartbeat: MessageTypeDefinition<_tsmr_master_WorkerHeartbeat, _tsmr_master_WorkerHeartbeat__Output>
      WorkerProtocol: SubtypeConstructor<typeof grpc.Client, _tsmr_master_WorkerProtocolClient> & { service: _tsmr_master_WorkerProtocolDefinition }
    }
  }
}

