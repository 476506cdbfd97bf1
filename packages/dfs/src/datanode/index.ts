export { startDatanode, type Datanode } from './datanode';
export { datanodeOptionsSchema, parseDatanodeOptions, type DatanodeConfig, type DatanodeOptions } from './config';
