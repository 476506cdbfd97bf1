export { namenodeOptionsSchema, parseNamenodeOptions, type NamenodeConfig, type NamenodeOptions } from './config';
export { startNamenode, type Namenode } from './namenode';
