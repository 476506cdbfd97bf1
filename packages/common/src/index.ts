export * from './errors';
export * from './ids';
export * from './log';
export * from './messages';
export * from './proto';
export * from './retry';
export * from './rpc';
export * from './units';
