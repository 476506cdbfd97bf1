export { DfsClient, type DfsClientOptions, type CreateOptions, type ReadOptions } from './dfs-client';
export type { DfsOutputStream } from './file-writer';
export type { ReadStatistics } from './file-reader';
