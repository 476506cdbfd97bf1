export * from './client';
export { startNamenode, namenodeOptionsSchema, type Namenode, type NamenodeOptions } from './namenode';
export { startDatanode, datanodeOptionsSchema, type Datanode, type DatanodeOptions } from './datanode';
export { normalizePath, joinPath, baseName, parentPath, isWithin } from './paths';
