// The block stream: block reads over a frame stream (see @tsmr/common frame-stream.ts), a
// plain TCP connection beside the DataTransfer gRPC service, as HDFS moves block bytes
// over its DataTransferProtocol rather than its RPC. The request names a block range; the
// DATA frames carry its bytes, each verified against its checksums before it is sent. The
// datanode checks the secret, the block id and the range as ReadBlock does.
import { z } from 'zod';

export const BLOCK_STREAM = 'block stream';

export interface BlockStreamRequest {
  blockId: string;
  offset: number;
  /** 0: to the end of the block. */
  length: number;
  /** The cluster secret ('' when there is none). */
  secret: string;
}

export const blockStreamRequestSchema: z.ZodType<BlockStreamRequest> = z.object({
  blockId: z.string(),
  offset: z.number(),
  length: z.number(),
  secret: z.string(),
});
