// The block stream: block reads and writes over a frame stream (see @tsmr/common
// frame-stream.ts), a plain TCP connection beside the DataTransfer gRPC service, as HDFS
// moves block bytes over its DataTransferProtocol rather than its RPC. The request says
// which, by `op` (HDFS's READ_BLOCK and WRITE_BLOCK ops, on the same port):
// - read: a block range; the DATA frames carry its bytes, each verified against its
//   checksums before it is sent. The datanode checks the block id and the range
//   (INVALID_ARGUMENT, NOT_FOUND, OUT_OF_RANGE; DATA_LOSS for a corrupt replica).
// - write: the block and the datanodes after this one in the pipeline; the writer then
//   uploads packets (see packet.ts) and the datanode answers with an ack per packet, then
//   END. A failure is one ERROR frame whose metadata names the datanode that failed.
import { z } from 'zod';

export const BLOCK_STREAM = 'block stream';

export interface BlockReadRequest {
  op: 'read';
  blockId: string;
  offset: number;
  /** 0: to the end of the block. */
  length: number;
  /** The cluster secret ('' when there is none). */
  secret: string;
}

/** A datanode of a write pipeline, as the namenode gave it. */
export interface PipelineNode {
  datanodeId: string;
  /** host:port of its DataTransfer gRPC service. */
  address: string;
  /** host:port of its block stream. */
  streamAddress: string;
}

export interface BlockWriteRequest {
  op: 'write';
  blockId: string;
  /** The datanodes after this one, in pipeline order; this one forwards to the first. */
  downstream: PipelineNode[];
  bytesPerChecksum: number;
  clientName: string;
  secret: string;
}

export type BlockStreamRequest = BlockReadRequest | BlockWriteRequest;

const pipelineNodeSchema = z.object({ datanodeId: z.string(), address: z.string(), streamAddress: z.string() });

export const blockStreamRequestSchema: z.ZodType<BlockStreamRequest> = z.discriminatedUnion('op', [
  z.object({ op: z.literal('read'), blockId: z.string(), offset: z.number(), length: z.number(), secret: z.string() }),
  z.object({
    op: z.literal('write'),
    blockId: z.string(),
    downstream: z.array(pipelineNodeSchema).max(16),
    bytesPerChecksum: z.number(),
    clientName: z.string(),
    secret: z.string(),
  }),
]);

/** The ERROR frame metadata key naming the datanode a failed pipeline should exclude. */
export const FAILED_DATANODE_KEY = 'failedDatanodeId';
