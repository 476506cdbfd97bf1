// DatanodeProtocol: what datanodes call. Register, then a full BlockReport, then Heartbeats
// whose replies carry the commands queued for the datanode; BlockReceived as blocks are
// finalized or deleted; ReportBadBlocks from the block scanner.
import { FailedPreconditionError, type AsyncHandlers, type DatanodeProtocolHandlers } from '@tsmr/common';
import type { DatanodeDescriptor } from './datanode-manager';
import type { Namesystem } from './namenode';
import { required } from './requests';

export function datanodeProtocol(ns: Namesystem): AsyncHandlers<DatanodeProtocolHandlers> {
  const { config, blocks, datanodes, safeMode } = ns;

  function liveDatanode(id: string): DatanodeDescriptor {
    const node = datanodes.getLive(required(id, 'datanode_id'));
    if (!node) throw new FailedPreconditionError(`datanode ${id} is not registered (or was declared dead): register again`);
    return node;
  }

  return {
    Register(req) {
      const datanodeId = required(req.datanode?.datanodeId, 'datanode.datanode_id');
      const address = required(req.datanode?.address, 'datanode.address');
      // A datanode without a block stream (an older one) leaves it empty: it is read over gRPC.
      const streamAddress = req.datanode?.streamAddress ?? '';
      for (const displaced of datanodes.register({ id: datanodeId, address, streamAddress }, req.storage, Date.now())) blocks.removeDatanode(displaced);
      return {
        heartbeatIntervalMs: config.heartbeatIntervalMs,
        blockReportIntervalMs: config.blockReportIntervalMs,
        bytesPerChecksum: config.bytesPerChecksum,
      };
    },

    Heartbeat(req) {
      return { commands: datanodes.heartbeat(required(req.datanodeId, 'datanode_id'), req.storage, req.activeTransfers, Date.now()) };
    },

    BlockReport(req) {
      blocks.processReport(liveDatanode(req.datanodeId), req.blocks);
      safeMode.update();
      return {};
    },

    BlockReceived(req) {
      blocks.blockReceived(liveDatanode(req.datanodeId), req.received, req.deleted);
      safeMode.update();
      return {};
    },

    ReportBadBlocks(req) {
      blocks.reportBadBlocks(req.blocks);
      return {};
    },
  };
}
