// The client side of the DataTransfer protocol, used by DFS clients and by datanodes.
export { BlockWriter, MAX_PACKET_BYTES, PipelineError, type BlockWriterOptions } from './block-writer';
export { readBlock, type ReadBlockOptions } from './block-reader';
export { closeTransferClients } from './clients';
export { FAILED_DATANODE_METADATA_KEY } from './pipeline-stream';
