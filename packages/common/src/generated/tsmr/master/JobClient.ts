// Original file: proto/master.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { JobHistory as _tsmr_master_JobHistory, JobHistory__Output as _tsmr_master_JobHistory__Output } from '../../tsmr/master/JobHistory';
import type { JobIdRequest as _tsmr_master_JobIdRequest, JobIdRequest__Output as _tsmr_master_JobIdRequest__Output } from '../../tsmr/master/JobIdRequest';
import type { JobStatus as _tsmr_master_JobStatus, JobStatus__Output as _tsmr_master_JobStatus__Output } from '../../tsmr/master/JobStatus';
import type { ListJobsRequest as _tsmr_master_ListJobsRequest, ListJobsRequest__Output as _tsmr_master_ListJobsRequest__Output } from '../../tsmr/master/ListJobsRequest';
import type { ListJobsResponse as _tsmr_master_ListJobsResponse, ListJobsResponse__Output as _tsmr_master_ListJobsResponse__Output } from '../../tsmr/master/ListJobsResponse';
import type { SubmitJobRequest as _tsmr_master_SubmitJobRequest, SubmitJobRequest__Output as _tsmr_master_SubmitJobRequest__Output } from '../../tsmr/master/SubmitJobRequest';
import type { SubmitJobResponse as _tsmr_master_SubmitJobResponse, SubmitJobResponse__Output as _tsmr_master_SubmitJobResponse__Output } from '../../tsmr/master/SubmitJobResponse';

export interface JobClientClient extends grpc.Client {
  GetJobHistory(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  GetJobHistory(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  GetJobHistory(argument: _tsmr_master_JobIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  GetJobHistory(argument: _tsmr_master_JobIdRequest, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  getJobHistory(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  getJobHistory(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  getJobHistory(argument: _tsmr_master_JobIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  getJobHistory(argument: _tsmr_master_JobIdRequest, callback: grpc.requestCallback<_tsmr_master_JobHistory__Output>): grpc.ClientUnaryCall;
  
  GetJobStatus(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  GetJobStatus(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  GetJobStatus(argument: _tsmr_master_JobIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  GetJobStatus(argument: _tsmr_master_JobIdRequest, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  getJobStatus(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  getJobStatus(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  getJobStatus(argument: _tsmr_master_JobIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  getJobStatus(argument: _tsmr_master_JobIdRequest, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  
  KillJob(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  KillJob(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  KillJob(argument: _tsmr_master_JobIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  KillJob(argument: _tsmr_master_JobIdRequest, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  killJob(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  killJob(argument: _tsmr_master_JobIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  killJob(argument: _tsmr_master_JobIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  killJob(argument: _tsmr_master_JobIdRequest, callback: grpc.requestCallback<_tsmr_master_JobStatus__Output>): grpc.ClientUnaryCall;
  
  ListJobs(argument: _tsmr_master_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _tsmr_master_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _tsmr_master_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _tsmr_master_ListJobsRequest, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _tsmr_master_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _tsmr_master_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _tsmr_master_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _tsmr_master_ListJobsRequest, callback: grpc.requestCallback<_tsmr_master_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  
  SubmitJob(argument: _tsmr_master_SubmitJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  SubmitJob(argument: _tsmr_master_SubmitJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  SubmitJob(argument: _tsmr_master_SubmitJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  SubmitJob(argument: _tsmr_master_SubmitJobRequest, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  submitJob(argument: _tsmr_master_SubmitJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  submitJob(argument: _tsmr_master_SubmitJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  submitJob(argument: _tsmr_master_SubmitJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  submitJob(argument: _tsmr_master_SubmitJobRequest, callback: grpc.requestCallback<_tsmr_master_SubmitJobResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface JobClientHandlers extends grpc.UntypedServiceImplementation {
  GetJobHistory: grpc.handleUnaryCall<_tsmr_master_JobIdRequest__Output, _tsmr_master_JobHistory>;
  
  GetJobStatus: grpc.handleUnaryCall<_tsmr_master_JobIdRequest__Output, _tsmr_master_JobStatus>;
  
  KillJob: grpc.handleUnaryCall<_tsmr_master_JobIdRequest__Output, _tsmr_master_JobStatus>;
  
  ListJobs: grpc.handleUnaryCall<_tsmr_master_ListJobsRequest__Output, _tsmr_master_ListJobsResponse>;
  
  SubmitJob: grpc.handleUnaryCall<_tsmr_master_SubmitJobRequest__Output, _tsmr_master_SubmitJobResponse>;
  
}

export interface JobClientDefinition extends grpc.ServiceDefinition {
  GetJobHistory: MethodDefinition<_tsmr_master_JobIdRequest, _tsmr_master_JobHistory, _tsmr_master_JobIdRequest__Output, _tsmr_master_JobHistory__Output>
  GetJobStatus: MethodDefinition<_tsmr_master_JobIdRequest, _tsmr_master_JobStatus, _tsmr_master_JobIdRequest__Output, _tsmr_master_JobStatus__Output>
  KillJob: MethodDefinition<_tsmr_master_JobIdRequest, _tsmr_master_JobStatus, _tsmr_master_JobIdRequest__Output, _tsmr_master_JobStatus__Output>
  ListJobs: MethodDefinition<_tsmr_master_ListJobsRequest, _tsmr_master_ListJobsResponse, _tsmr_master_ListJobsRequest__Output, _tsmr_master_ListJobsResponse__Output>
  SubmitJob: MethodDefinition<_tsmr_master_SubmitJobRequest, _tsmr_master_SubmitJobResponse, _tsmr_master_SubmitJobRequest__Output, _tsmr_master_SubmitJobResponse__Output>
}
