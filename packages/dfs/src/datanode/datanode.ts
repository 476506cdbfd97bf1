// A datanode: the block storage, the DataTransfer server, the block stream server, the
// link to the namenode and the block scanner, wired together.
import { FrameStreamServer, RpcServer, createLogger, datanodeProto, type DataTransferHandlers, type Logger } from '@tsmr/common';
import { BLOCK_STREAM, FAILED_DATANODE_KEY, blockStreamRequestSchema } from '../transfer/block-stream';
import { MAX_PACKET_FRAME_BYTES } from '../transfer/packet';
import { PipelineError } from '../transfer/pipeline-stream';
import { BlockScanner } from './block-scanner';
import { parseDatanodeOptions, type DatanodeOptions } from './config';
import { DataTransferService } from './data-transfer-service';
import { growHeapBetweenGCs } from './heap-growing';
import { NamenodeLink } from './namenode-link';
import { replicateBlock } from './replication';
import { BlockStorage } from './storage';
import type { TransferContext } from './transfer-context';

/** Transfers still running at stop() get this long before they are cut. */
const STOP_GRACE_MS = 1000;

export interface Datanode {
  /** host:port of the DataTransfer service. */
  readonly address: string;
  /** host:port of the block stream (block reads and writes over TCP). */
  readonly streamAddress: string;
  readonly datanodeId: string;
  stop(): Promise<void>;
}

/**
 * Starts a datanode; resolves once its DataTransfer server listens. Registration with the
 * namenode goes on in the background, retried until it succeeds.
 */
export async function startDatanode(options: DatanodeOptions, log: Logger = createLogger('datanode')): Promise<Datanode> {
  const config = parseDatanodeOptions(options);
  growHeapBetweenGCs();
  const storage = await BlockStorage.open(config.dir);
  const { datanodeId } = storage;
  log = log.child({ datanodeId });

  const context: TransferContext = {
    storage,
    datanodeId,
    secret: config.secret,
    log,
    clusterBytesPerChecksum: () => link.bytesPerChecksum,
    blockReceived: (blockId, length) => link.blockReceived(blockId, length),
    reportCorrupt: (blockId, reason) => {
      if (storage.isCorrupt(blockId)) return;
      log.error({ blockId, reason }, 'corrupt replica: no longer served');
      storage.markCorrupt(blockId, reason);
      link.reportBadBlock(blockId, reason);
    },
  };
  const service = new DataTransferService(context);
  const link = new NamenodeLink({
    namenode: config.namenode,
    secret: config.secret,
    storage,
    log,
    activeTransfers: () => service.activeTransfers,
    replicate: (blockId, targets) => replicateBlock(context, blockId, targets),
  });
  const scanner = new BlockScanner(context, config.scanIntervalMs);

  const server = new RpcServer({ host: config.host, port: config.port, secret: config.secret, log });
  server.addService<DataTransferHandlers>(datanodeProto().DataTransfer.service, service.handlers());
  const address = await server.start();
  const streamServer = new FrameStreamServer({
    name: BLOCK_STREAM,
    host: config.host,
    port: config.streamPort,
    secret: config.secret,
    log,
    schema: blockStreamRequestSchema,
    serve: (request, sink, source) => service.serveBlockStream(request, sink, source),
    uploadLimit: (request) => (request.op === 'write' ? MAX_PACKET_FRAME_BYTES : undefined),
    errorMetadata: (err) => (err instanceof PipelineError ? { [FAILED_DATANODE_KEY]: err.failedDatanodeId } : undefined),
  });
  let streamAddress: string;
  try {
    streamAddress = await streamServer.start();
  } catch (err) {
    await server.stop(0);
    throw err;
  }
  link.start({ datanodeId, address, streamAddress });
  scanner.start();
  log.info({ address, streamAddress, dir: config.dir, namenode: config.namenode }, 'datanode started');

  return {
    address,
    streamAddress,
    datanodeId,
    async stop() {
      await Promise.all([scanner.stop(), link.stop(), server.stop(STOP_GRACE_MS), streamServer.stop(STOP_GRACE_MS)]);
      log.info('datanode stopped');
    },
  };
}
