// `tsmr namenode` and `tsmr datanode`: run one daemon in the foreground until SIGTERM/SIGINT.
import type { Command } from 'commander';
import fs from 'node:fs';
import { createLogger, type Logger } from '@tsmr/common';
import { startDatanode, startNamenode } from '@tsmr/dfs';
import { startMaster } from '@tsmr/master';
import { startWorker } from '@tsmr/worker';
import { action, durationFlag, intFlag, sizeOption } from '../cli-action';

interface Daemon {
  address: string;
  stop(): Promise<void>;
}

/** Records the address (atomically, for `tsmr local start`) and stops cleanly on a signal. */
async function runDaemon(name: string, log: Logger, start: () => Promise<Daemon>, addressFile?: string): Promise<void> {
  const daemon = await start();
  if (addressFile) {
    fs.writeFileSync(`${addressFile}.tmp`, daemon.address);
    fs.renameSync(`${addressFile}.tmp`, addressFile);
  }
  log.info({ address: daemon.address }, `${name} listening`);
  process.stderr.write(`${name} listening on ${daemon.address}\n`);
  const shutdown = (signal: string) => {
    log.info({ signal }, `${name} stopping`);
    daemon.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await new Promise<never>(() => undefined);
}

export function registerDaemonCommands(program: Command): void {
  program
    .command('namenode')
    .description('run a namenode (the DFS namespace and block map) in the foreground')
    .requiredOption('--dir <dir>', 'where the namespace database lives')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind (0: any free port)', intFlag(0), 0)
    .option('--replication <n>', 'default replication of new files', intFlag(1), 3)
    .addOption(sizeOption('--block-size <size>', 'default block size of new files', '64MB'))
    .option('--heartbeat-interval <duration>', 'how often datanodes heartbeat', durationFlag, '3s')
    .option('--dead-node-timeout <duration>', 'silence after which a datanode is dead', durationFlag, '30s')
    .option('--lease-timeout <duration>', 'how long an unfinished file outlives its silent writer', durationFlag, '60s')
    .option('--address-file <file>', 'write the bound host:port here once listening')
    .addHelpText('after', '\nThe cluster secret, if any, is read from $TSMR_SECRET.')
    .action(
      action(async (opts) => {
        const log = createLogger('namenode');
        await runDaemon(
          'namenode',
          log,
          () =>
            startNamenode(
              {
                dir: opts.dir,
                host: opts.host,
                port: opts.port,
                secret: process.env.TSMR_SECRET || undefined,
                defaultReplication: opts.replication,
                defaultBlockSize: opts.blockSize,
                heartbeatInterval: opts.heartbeatInterval,
                deadNodeTimeout: opts.deadNodeTimeout,
                leaseTimeout: opts.leaseTimeout,
              },
              log,
            ),
          opts.addressFile,
        );
      }),
    );

  program
    .command('datanode')
    .description('run a datanode (stores and serves blocks) in the foreground')
    .requiredOption('--dir <dir>', 'where blocks are stored')
    .requiredOption('--namenode <host:port>', 'the namenode to register with')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port of its gRPC service, which short-circuit readers ask where replicas lie (0: any free port)', intFlag(0), 0)
    .option('--stream-port <port>', 'port of the block stream: block writes and reads over TCP (0: any free port)', intFlag(0), 0)
    .option('--scan-interval <duration>', 'how often every block is re-verified', durationFlag, '6h')
    .option('--address-file <file>', 'write the bound host:port here once listening')
    .addHelpText('after', '\nThe cluster secret, if any, is read from $TSMR_SECRET.')
    .action(
      action(async (opts) => {
        const log = createLogger('datanode');
        await runDaemon(
          'datanode',
          log,
          () =>
            startDatanode(
              {
                dir: opts.dir,
                namenode: opts.namenode,
                host: opts.host,
                port: opts.port,
                streamPort: opts.streamPort,
                secret: process.env.TSMR_SECRET || undefined,
                scanInterval: opts.scanInterval,
              },
              log,
            ),
          opts.addressFile,
        );
      }),
    );

  program
    .command('master')
    .description('run the MapReduce master (accepts jobs, schedules tasks, commits output) in the foreground')
    .requiredOption('--dir <dir>', 'where the job database lives')
    .requiredOption('--namenode <host:port>', 'the DFS namenode')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port of its gRPC services: job clients, and workers\' heartbeats until the heartbeat stream takes over (0: any free port)', intFlag(0), 0)
    .option('--heartbeat-port <port>', 'port of the heartbeat stream, where workers send the rest over TCP (0: any free port)', intFlag(0), 0)
    .option('--heartbeat-interval <duration>', 'how often workers heartbeat', durationFlag, '1s')
    .option('--worker-timeout <duration>', 'silence after which a worker is lost', durationFlag, '10s')
    .option('--locality-delay <duration>', 'how long a job waits for a data-local slot (default: 3 heartbeats)', durationFlag)
    .option('--max-attempts <n>', 'attempts per task before the job fails', intFlag(1), 4)
    .option('--max-task-failures-per-worker <n>', 'failures not caused by a job that blacklist a worker for it', intFlag(1), 3)
    .option('--speculative-slowness <x>', 'back up a task running this many times the median of its finished peers', Number, 1.5)
    .option('--speculative-min-runtime <duration>', 'never back up a task that has run less than this', durationFlag, '1s')
    .option('--address-file <file>', 'write the bound host:port here once listening')
    .addHelpText('after', '\nThe cluster secret, if any, is read from $TSMR_SECRET.')
    .action(
      action(async (opts) => {
        const log = createLogger('master');
        await runDaemon(
          'master',
          log,
          () =>
            startMaster(
              {
                dir: opts.dir,
                namenode: opts.namenode,
                host: opts.host,
                port: opts.port,
                heartbeatPort: opts.heartbeatPort,
                secret: process.env.TSMR_SECRET || undefined,
                heartbeatInterval: opts.heartbeatInterval,
                workerTimeout: opts.workerTimeout,
                localityDelay: opts.localityDelay,
                maxAttempts: opts.maxAttempts,
                maxTaskFailuresPerWorker: opts.maxTaskFailuresPerWorker,
                speculativeSlowness: opts.speculativeSlowness,
                speculativeMinRuntime: opts.speculativeMinRuntime,
              },
              log,
            ),
          opts.addressFile,
        );
      }),
    );

  program
    .command('worker')
    .description('run a worker (runs map and reduce tasks, serves the shuffle) in the foreground')
    .requiredOption('--dir <dir>', 'work directory (job bundles, spills, map outputs)')
    .requiredOption('--master <host:port>', 'the master to heartbeat')
    .requiredOption('--namenode <host:port>', 'the DFS namenode')
    .option('--datanode-id <id>', 'the datanode beside this worker, for data-local maps')
    .option('--slots <n>', 'tasks run at once (default: the number of cores)', intFlag(1))
    .addOption(sizeOption('--sort-buffer <size>', 'map output buffered before a spill to disk', '64MB'))
    .addOption(sizeOption('--shuffle-buffer <size>', 'fetched map output a reduce holds in memory; the rest goes to local disk', '256MB'))
    .option('--merge-factor <n>', 'sorted runs a reduce merges at once (more on disk are merged in passes first)', intFlag(2), 64)
    .option('--task-timeout <duration>', 'fail an attempt whose user code makes no progress this long (0: never)', durationFlag, '10m')
    .addOption(sizeOption('--task-memory <size>', 'heap limit of each task thread', '1GB'))
    .option('--task-delay <duration>', 'testing aid: sleep this long before each attempt (an artificially slow worker)', durationFlag, '0')
    .option('--host <host>', 'address to bind the shuffle stream (plain TCP)', '127.0.0.1')
    .option('--port <port>', 'port of the shuffle stream (0: any free port)', intFlag(0), 0)
    .option('--address-file <file>', 'write the bound host:port here once listening')
    .addHelpText('after', '\nThe cluster secret, if any, is read from $TSMR_SECRET.')
    .action(
      action(async (opts) => {
        const log = createLogger('worker');
        await runDaemon(
          'worker',
          log,
          () =>
            startWorker(
              {
                dir: opts.dir,
                master: opts.master,
                namenode: opts.namenode,
                host: opts.host,
                port: opts.port,
                secret: process.env.TSMR_SECRET || undefined,
                slots: opts.slots,
                datanodeId: opts.datanodeId,
                sortBuffer: opts.sortBuffer,
                shuffleBuffer: opts.shuffleBuffer,
                mergeFactor: opts.mergeFactor,
                taskTimeout: opts.taskTimeout,
                taskMemory: opts.taskMemory,
                taskDelay: opts.taskDelay,
              },
              log,
            ),
          opts.addressFile,
        );
      }),
    );
}
