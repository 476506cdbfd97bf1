// The `tsmr` command.
import { Command } from 'commander';
import { registerDaemonCommands } from './commands/daemons';
import { registerDfsCommands } from './commands/dfs';
import { registerJobCommands } from './commands/job';
import { registerLocalCommands } from './commands/local';

const program = new Command('tsmr')
  .description('tsmr: a MapReduce framework with an HDFS-like distributed file system')
  .version(require('../package.json').version);

registerDfsCommands(program);
registerJobCommands(program);
registerLocalCommands(program);
registerDaemonCommands(program);

/**
 * Client commands exit even if a gRPC channel lingers, but only once stdout and stderr
 * are flushed: on a pipe they are asynchronous, and exiting early would cut `cat` short.
 */
function exitWhenFlushed(code?: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code ?? process.exitCode)));
}

program.parseAsync(process.argv).then(
  () => exitWhenFlushed(),
  (err: Error) => {
    process.stderr.write(`tsmr: ${err.message}\n`);
    exitWhenFlushed(1);
  },
);
