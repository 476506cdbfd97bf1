// The client side of the datanodes' transfers, used by DFS clients and by datanodes.
export { BlockWriter, type BlockWriterOptions } from './block-writer';
export { readBlock, type ReadBlockOptions } from './block-reader';
export { closeTransferClients } from './clients';
export { MAX_PACKET_BYTES } from './packet';
export { PipelineError } from './pipeline-stream';
