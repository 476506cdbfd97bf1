// WorkerProtocol: heartbeats (reports in, assignments and kills out) and job bundles.
import {
  InvalidArgumentError,
  NotFoundError,
  checkAttemptId,
  checkJobId,
  masterProto,
  type AsyncHandlers,
  type HeartbeatReply,
  type HeartbeatReply__Output,
  type WorkerHeartbeat__Output,
  type WorkerProtocolDefinition,
  type WorkerProtocolHandlers,
} from '@tsmr/common';
import { GroupCommit } from './group-commit';
import { decodeWorkerHeartbeat } from './heartbeat-request-decoder';
import { encodeHeartbeatReply } from './heartbeat-reply-encoder';
import type { JobStore } from './job-store';
import type { JobTracker, WorkerOrders, WorkerStatus } from './job-tracker';

const REPORTED_STATES = new Set(['RUNNING', 'SUCCEEDED', 'FAILED']);

/** WorkerProtocol as the proto defines it, with heartbeats decoded by decodeWorkerHeartbeat and replies encoded by encodeHeartbeatReply. */
export function workerProtocolDefinition(): WorkerProtocolDefinition {
  const { service } = masterProto().WorkerProtocol;
  // The Heartbeat handler below makes every reply, always in the complete (__Output) form.
  const responseSerialize = encodeHeartbeatReply as (reply: HeartbeatReply) => Buffer;
  return { ...service, Heartbeat: { ...service.Heartbeat, requestDeserialize: decodeWorkerHeartbeat, responseSerialize } };
}

/** What answers one heartbeat: `peer` is the caller's address:port. */
export type HeartbeatHandler = (request: WorkerHeartbeat__Output, peer: string) => Promise<HeartbeatReply__Output>;

/**
 * Answers heartbeats, whichever way they come in (gRPC, or the heartbeat stream, whose port
 * every reply names).
 */
export function heartbeatHandler(tracker: JobTracker, heartbeatIntervalMs: number, heartbeatPort: () => number): HeartbeatHandler {
  const heartbeats = new GroupCommit<WorkerStatus, WorkerOrders>((statuses) => tracker.heartbeats(statuses, Date.now()));
  return async (request, peer) => {
    checkHeartbeat(request);
    const orders = await heartbeats.submit({
      workerId: request.workerId,
      shuffleAddress: request.shuffleAddress,
      datanodeId: request.datanodeId,
      host: hostOf(request.shuffleAddress) || hostOf(peer),
      freeSlots: request.freeSlots,
      reports: request.reports,
    });
    return { ...orders, heartbeatIntervalMs, heartbeatPort: heartbeatPort() };
  };
}

export function workerProtocolService(heartbeat: HeartbeatHandler, store: JobStore): AsyncHandlers<WorkerProtocolHandlers> {
  return {
    Heartbeat: (request, call) => heartbeat(request, call.getPeer()),

    GetJobBundle(request) {
      const code = store.bundle(checkJobId(request.jobId));
      if (!code) throw new NotFoundError(`job ${request.jobId} does not exist`);
      return { code };
    },
  };
}

/** Refuses a malformed heartbeat whole, before anything changes. */
function checkHeartbeat(request: WorkerHeartbeat__Output): void {
  if (!request.workerId) throw new InvalidArgumentError('worker_id is empty');
  if (!Number.isInteger(request.freeSlots) || request.freeSlots < 0) {
    throw new InvalidArgumentError(`free_slots must be an integer ≥ 0, got ${request.freeSlots}`);
  }
  for (const report of request.reports) {
    checkAttemptId(report.attemptId);
    if (!REPORTED_STATES.has(report.state)) {
      throw new InvalidArgumentError(`report of ${report.attemptId}: state must be RUNNING, SUCCEEDED or FAILED, got ${report.state}`);
    }
  }
}

/** The host of host:port (also of grpc peers such as ipv4:1.2.3.4:5 and [::1]:5). */
function hostOf(address: string): string {
  const withoutScheme = address.replace(/^ipv[46]:/, '');
  const colon = withoutScheme.lastIndexOf(':');
  return (colon < 0 ? withoutScheme : withoutScheme.slice(0, colon)).replace(/^\[|\]$/g, '');
}
