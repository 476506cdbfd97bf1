export { masterOptionsSchema, parseMasterOptions, type MasterConfig, type MasterOptions } from './config';
export { startMaster, type Master } from './master';
