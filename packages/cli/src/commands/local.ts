// `tsmr local start|status|stop`: a whole cluster on this machine.
import { Option, type Command } from 'commander';
import { DfsClient } from '@tsmr/dfs';
import { formatSize } from '@tsmr/common';
import { clusterFilePath, defaultClusterDir, readClusterFile } from '../cluster-file';
import { action, durationFlag, intFlag, sizeOption } from '../cli-action';
import { daemonStatuses, startLocalCluster, stopLocalCluster } from '../local/local-cluster';

/** --dir, whose default is shown as where it comes from rather than what it is here. */
function dirOption(description: string): Option {
  return new Option('--dir <dir>', description).default(defaultClusterDir(), '$TSMR_CLUSTER, then ./.tsmr');
}

export function registerLocalCommands(program: Command): void {
  const local = program.command('local').description('run a whole cluster on this machine, in the background');

  local
    .command('start')
    .description('start a namenode, N datanodes, a master and N workers (or restart those of DIR that are down)')
    .addOption(dirOption('cluster directory: data, logs, cluster.json'))
    .option('--nodes <n>', 'number of datanodes', intFlag(1), 3)
    .addOption(sizeOption('--block-size <size>', 'default block size', '64MB'))
    .option('--replication <n>', 'default replication (default: min(3, nodes))', intFlag(1))
    .option('--heartbeat-interval <duration>', 'datanode heartbeat interval', durationFlag, '3s')
    .option('--dead-node-timeout <duration>', 'silence after which a datanode is dead', durationFlag, '30s')
    .option('--task-heartbeat <duration>', 'how often workers heartbeat the master: work rides on the replies', durationFlag, '100ms')
    .option('--worker-timeout <duration>', 'silence after which a worker is lost and its tasks re-run', durationFlag, '10s')
    .option('--slots <n>', 'task slots per worker (default: cores / nodes, at least 1)', intFlag(1))
    .option('--no-secret', 'run without a cluster secret (by default one is generated into cluster.json)')
    .action(
      action(async (opts) => {
        if (opts.replication !== undefined && opts.replication > opts.nodes) {
          throw new Error(`--replication ${opts.replication} exceeds --nodes ${opts.nodes}`);
        }
        const cluster = await startLocalCluster({
          dir: opts.dir,
          nodes: opts.nodes,
          replication: opts.replication,
          blockSize: opts.blockSize,
          heartbeatInterval: opts.heartbeatInterval,
          deadNodeTimeout: opts.deadNodeTimeout,
          workerTimeout: opts.workerTimeout,
          taskHeartbeat: opts.taskHeartbeat,
          slots: opts.slots,
          secret: opts.secret,
        });
        process.stdout.write(
          `cluster running: namenode ${cluster.namenode.address}, master ${cluster.master.address}, ` +
            `${cluster.datanodes.length} datanodes and workers\n` +
            `cluster file: ${clusterFilePath(opts.dir)}\n`,
        );
      }),
    );

  local
    .command('status')
    .description('show the daemons of a local cluster and what the namenode reports')
    .addOption(dirOption('cluster directory'))
    .option('--json', 'print JSON')
    .action(
      action(async (opts) => {
        const cluster = readClusterFile(clusterFilePath(opts.dir));
        const daemons = daemonStatuses(cluster);
        let report;
        if (daemons[0]?.running) {
          const client = new DfsClient({ namenode: cluster.namenode.address, secret: cluster.secret, retryForMs: 2000 });
          report = await client.clusterReport().finally(() => client.close());
        }
        if (opts.json) {
          process.stdout.write(JSON.stringify({ daemons, report }, null, 2) + '\n');
          return;
        }
        for (const d of daemons) {
          process.stdout.write(`${d.name.padEnd(12)} ${d.running ? 'running' : 'stopped'}  pid ${d.pid}  ${d.address}\n`);
        }
        if (report) {
          const live = report.datanodes.filter((d) => d.live);
          process.stdout.write(`safe mode: ${report.safeMode ? `on (${report.safeModeReason})` : 'off'}\n`);
          process.stdout.write(`live datanodes: ${live.length} of ${report.datanodes.length}\n`);
          for (const d of report.datanodes) {
            process.stdout.write(
              `  ${d.datanode?.address} ${d.live ? 'live' : 'dead'} blocks=${d.blockCount} used=${formatSize(d.used)} remaining=${formatSize(d.remaining)}\n`,
            );
          }
        }
        if (daemons.some((d) => !d.running)) process.exitCode = 1;
      }),
    );

  local
    .command('stop')
    .description('stop every daemon of a local cluster (data stays in DIR)')
    .addOption(dirOption('cluster directory'))
    .action(
      action(async (opts) => {
        const { cluster, killed } = await stopLocalCluster(opts.dir);
        const n = cluster.datanodes.length;
        process.stdout.write(`stopped the namenode, the master, ${n} datanode${n === 1 ? '' : 's'} and ${n} worker${n === 1 ? '' : 's'}\n`);
        for (const d of killed) process.stderr.write(`tsmr: ${d.name} (pid ${d.pid}) ignored SIGTERM for 5 s and was killed\n`);
      }),
    );
}
