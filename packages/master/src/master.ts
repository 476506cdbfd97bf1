// Wiring: opens the job store (its writes applied on a thread of their own, its WAL
// checkpointed on another), rebuilds the job tracker from it, serves JobClient and
// WorkerProtocol on one port and the heartbeat stream on another, and runs the periodic
// work (lost workers) every heartbeat interval.
import { RpcServer, createLogger, masterProto, splitAddress, type JobClientHandlers, type Logger, type WorkerProtocolHandlers } from '@tsmr/common';
import { DfsClient } from '@tsmr/dfs';
import { parseMasterOptions, type MasterOptions } from './config';
import { jobClientService } from './job-client-service';
import { JobStore } from './job-store';
import { JobTracker } from './job-tracker';
import { OutputCommitter } from './output-committer';
import { Scheduler } from './scheduler';
import { Speculator } from './speculator';
import { WalCheckpointer } from './wal-checkpointer';
import { WorkerRegistry } from './worker-registry';
import { heartbeatStreamServer } from './heartbeat-stream-server';
import { heartbeatHandler, workerProtocolDefinition, workerProtocolService } from './worker-protocol-service';

export interface Master {
  /** host:port it serves on. */
  readonly address: string;
  stop(): Promise<void>;
}

export async function startMaster(options: MasterOptions, log: Logger = createLogger('master')): Promise<Master> {
  const config = parseMasterOptions(options);
  const store = new JobStore(config.dir, log);
  const dfs = new DfsClient({ namenode: config.namenode, secret: config.secret, log });
  const tracker = new JobTracker(
    {
      store,
      committer: new OutputCommitter(dfs),
      workers: new WorkerRegistry(config.workerTimeoutMs, log),
      scheduler: new Scheduler(config.localityDelayMs, new Speculator(config.speculation)),
      workerTimeoutMs: config.workerTimeoutMs,
      maxTaskFailuresPerWorker: config.maxTaskFailuresPerWorker,
      log,
    },
    Date.now(),
  );
  let checkpointer: WalCheckpointer | undefined;
  const closeAll = async () => {
    try {
      await tracker.drain();
      dfs.close();
    } finally {
      await checkpointer?.stop();
      await store.close();
    }
  };

  const { JobClient } = masterProto();
  const workerProtocol = workerProtocolDefinition();
  let heartbeatPort = 0;
  const heartbeat = heartbeatHandler(tracker, config.heartbeatIntervalMs, () => heartbeatPort);
  const heartbeatStream = heartbeatStreamServer({ host: config.host, port: config.heartbeatPort, secret: config.secret, handle: heartbeat, log });
  const server = new RpcServer({ host: config.host, port: config.port, secret: config.secret, log })
    .addService<JobClientHandlers>(JobClient.service, jobClientService({ tracker, store, dfs, defaultMaxAttempts: config.maxAttempts }))
    .addService<WorkerProtocolHandlers>(workerProtocol, workerProtocolService(heartbeat, store));
  let address: string;
  try {
    checkpointer = new WalCheckpointer(store, log);
    tracker.recover(Date.now());
    heartbeatPort = splitAddress(await heartbeatStream.start()).port;
    address = await server.start();
  } catch (err) {
    await heartbeatStream.stop(0);
    await closeAll();
    throw err;
  }

  const timer = setInterval(() => {
    try {
      tracker.tick(Date.now());
    } catch (err) {
      log.error({ err }, 'periodic work failed');
    }
  }, config.heartbeatIntervalMs);
  log.info({ address, heartbeatPort, dir: config.dir, namenode: config.namenode }, 'master started');

  return {
    address,
    async stop() {
      clearInterval(timer);
      // Heartbeat connections never end by themselves: cut them at once.
      await Promise.all([heartbeatStream.stop(0), server.stop()]);
      await closeAll();
      log.info({ address }, 'master stopped');
    },
  };
}
