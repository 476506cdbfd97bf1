// @tsmr/worker: runs map and reduce attempts the master hands out, and serves map output.
export { startWorker, type Worker } from './worker';
export { workerOptionsSchema, parseWorkerOptions, type WorkerOptions, type WorkerConfig } from './config';
