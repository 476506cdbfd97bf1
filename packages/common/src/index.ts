export * from './errors';
export * from './log';
export * from './messages';
export * from './proto';
export * from './retry';
export * from './rpc';
export * from './units';
