// The `tsmr` command.
import { Command } from 'commander';
import { registerDaemonCommands } from './commands/daemons';
import { registerDfsCommands } from './commands/dfs';
import { registerLocalCommands } from './commands/local';

const program = new Command('tsmr')
  .description('tsmr: a MapReduce framework with an HDFS-like distributed file system')
  .version(require('../package.json').version)
  .showHelpAfterError('(add --help for usage)');

registerDfsCommands(program);
registerLocalCommands(program);
registerDaemonCommands(program);

program.parseAsync(process.argv).then(
  () => {
    // Daemons never get here; client commands exit even if a gRPC channel lingers.
    process.exit();
  },
  (err: Error) => {
    process.stderr.write(`tsmr: ${err.message}\n`);
    process.exit(1);
  },
);
