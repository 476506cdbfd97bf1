// `tsmr dfs ...`: file system commands shaped like `hdfs dfs`.
import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AlreadyExistsError, InvalidArgumentError, NotFoundError, formatSize, sleep } from '@tsmr/common';
import { DfsClient, baseName, joinPath, normalizePath } from '@tsmr/dfs';
import { resolveTarget } from '../cluster-file';
import { action, intFlag, sizeFlag } from '../cli-action';
import { formatFsck, formatListing, formatStat } from '../format';

interface GlobalFlags {
  cluster?: string;
  namenode?: string;
}

/** Runs fn with a client for the cluster the flags name, closing it afterwards. */
async function withClient<T>(cmd: Command, fn: (client: DfsClient) => Promise<T>): Promise<T> {
  const target = resolveTarget('namenode', cmd.optsWithGlobals<GlobalFlags>());
  const client = new DfsClient({ namenode: target.address, secret: target.secret });
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

/** Where `src` lands when copied to `dst`: inside dst when dst is an existing directory. */
async function destinationFor(client: DfsClient, src: string, dst: string): Promise<string> {
  const target = normalizePath(dst);
  try {
    if ((await client.stat(target)).type === 'DIRECTORY') return joinPath(target, src);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  return target;
}

export function registerDfsCommands(program: Command): void {
  const dfs = program
    .command('dfs')
    .description('work with files in the DFS')
    .option('--cluster <dir>', 'cluster directory holding cluster.json (default: $TSMR_CLUSTER, then ./.tsmr)')
    .option('--namenode <host:port>', 'talk to this namenode instead of a cluster file')
    .option('--verbose', 'print stack traces with errors');

  dfs
    .command('put')
    .description('copy local files (or - for stdin) into the DFS')
    .argument('<paths...>', 'SRC... DST: local files (- reads stdin), then the DFS file or an existing DFS directory to copy into')
    .option('-f, --force', 'replace an existing file (atomically: readers see the old or the new file)')
    .option('-r, --replication <n>', 'replication of the new files (default: the cluster\'s)', Number)
    .option('-b, --block-size <size>', 'block size of the new files, e.g. 64MB (default: the cluster\'s)', sizeFlag)
    .action(
      action(async (args: string[], opts, cmd: Command) => {
        if (args.length < 2) throw new InvalidArgumentError('put needs a local source and a DFS destination');
        const srcs = args.slice(0, -1);
        const dst = args[args.length - 1]!;
        for (const src of srcs) {
          if (src === '-') continue;
          const stat = fs.statSync(src, { throwIfNoEntry: false });
          if (!stat) throw new NotFoundError(`local file ${src} does not exist`);
          if (!stat.isFile()) throw new InvalidArgumentError(`local ${src} is not a file`);
        }
        await withClient(cmd, async (client) => {
          if (srcs.length > 1) {
            const target = await client.stat(dst).catch(() => undefined);
            if (target?.type !== 'DIRECTORY') throw new InvalidArgumentError(`${dst} must be an existing directory when putting several files`);
          }
          for (const src of srcs) {
            const target = src === '-' ? normalizePath(dst) : await destinationFor(client, path.basename(src), dst);
            const out = await client.create(target, { overwrite: opts.force ?? false, replication: opts.replication, blockSize: opts.blockSize });
            const input = src === '-' ? process.stdin : fs.createReadStream(src, { highWaterMark: 4 * 1024 * 1024 });
            await pipeline(input, out);
          }
        });
      }),
    );

  dfs
    .command('get')
    .description('copy a DFS file to the local file system')
    .argument('<src>', 'DFS file')
    .argument('<localdst>', 'local file, or an existing local directory to copy into')
    .option('-f, --force', 'replace an existing local file')
    .action(
      action(async (src: string, localDst: string, opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          const status = await client.stat(src);
          if (status.type === 'DIRECTORY') throw new InvalidArgumentError(`${status.path} is a directory`);
          const isDir = fs.statSync(localDst, { throwIfNoEntry: false })?.isDirectory();
          const target = isDir ? path.join(localDst, baseName(status.path)) : localDst;
          if (fs.existsSync(target) && !opts.force) throw new AlreadyExistsError(`local file ${target} exists (use -f to replace it)`);
          // Written beside the target and renamed, so a failed copy leaves no partial file.
          const temp = `${target}.tsmr-${process.pid}.tmp`;
          try {
            await client.copyTo(status.path, fs.createWriteStream(temp));
            fs.renameSync(temp, target);
          } finally {
            fs.rmSync(temp, { force: true });
          }
        });
      }),
    );

  dfs
    .command('cat')
    .description('print DFS files to stdout')
    .argument('<paths...>')
    .action(
      action(async (paths: string[], _opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          for (const p of paths) {
            const input = await client.open(p);
            await pipeline(input, process.stdout, { end: false });
          }
        });
      }),
    );

  dfs
    .command('ls')
    .description('list directories and files')
    .argument('[paths...]', 'DFS paths', ['/'])
    .option('-R, --recursive', 'list subdirectories too')
    .option('-h, --human', 'sizes in KB/MB/GB')
    .option('--json', 'print JSON')
    .action(
      action(async (paths: string[], opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          const listings = [];
          for (const p of paths) listings.push(...(await client.list(p, { recursive: opts.recursive })));
          if (opts.json) return print(JSON.stringify(listings, null, 2));
          if (listings.length > 0) print(formatListing(listings, opts.human));
        });
      }),
    );

  dfs
    .command('mkdir')
    .description('create directories')
    .argument('<paths...>')
    .option('-p, --parents', 'create missing parents; no error if the directory exists')
    .action(
      action(async (paths: string[], opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          for (const p of paths) await client.mkdirs(p, { parents: opts.parents ?? false });
        });
      }),
    );

  dfs
    .command('rm')
    .description('delete files and directories')
    .argument('<paths...>')
    .option('-r, --recursive', 'delete directories and everything in them')
    .option('-f, --force', 'no error when a path does not exist')
    .action(
      action(async (paths: string[], opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          for (const p of paths) {
            try {
              await client.delete(p, { recursive: opts.recursive ?? false });
            } catch (err) {
              if (!(opts.force && err instanceof NotFoundError)) throw err;
            }
          }
        });
      }),
    );

  dfs
    .command('mv')
    .description('move or rename a file or directory within the DFS')
    .argument('<src>')
    .argument('<dst>', 'new path, or an existing directory to move into')
    .action(
      action(async (src: string, dst: string, _opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          await client.rename(src, await destinationFor(client, baseName(normalizePath(src)), dst));
        });
      }),
    );

  dfs
    .command('stat')
    .description('show what the namenode knows of paths')
    .argument('<paths...>')
    .option('--json', 'print JSON')
    .action(
      action(async (paths: string[], opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          const statuses = [];
          for (const p of paths) statuses.push(await client.stat(p));
          print(opts.json ? JSON.stringify(paths.length === 1 ? statuses[0] : statuses, null, 2) : statuses.map(formatStat).join('\n\n'));
        });
      }),
    );

  dfs
    .command('du')
    .description('space used by files and directories')
    .argument('[paths...]', 'DFS paths', ['/'])
    .option('-s, --summary', 'one total per path instead of one line per entry')
    .option('-h, --human', 'sizes in KB/MB/GB')
    .option('--json', 'print JSON')
    .action(
      action(async (paths: string[], opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          const rows: Array<{ path: string; length: number; spaceConsumed: number; fileCount: number; directoryCount: number }> = [];
          for (const p of paths) {
            const status = await client.stat(p);
            const entries = opts.summary || status.type === 'FILE' ? [status] : await client.list(p);
            for (const e of entries) rows.push({ path: e.path, ...(await client.contentSummary(e.path)) });
          }
          if (opts.json) return print(JSON.stringify(rows, null, 2));
          const size = (n: number) => (opts.human ? formatSize(n) : String(n));
          for (const r of rows) print(`${size(r.length).padStart(12)}  ${size(r.spaceConsumed).padStart(12)}  ${r.path}`);
        });
      }),
    );

  dfs
    .command('fsck')
    .description('check the blocks of files: replicas, under-replicated, missing and corrupt ones')
    .argument('[path]', 'DFS path', '/')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExits 1 when some block has no live replica (the data is missing).')
    .action(
      action(async (p: string, opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          const report = await client.fsck(p);
          print(opts.json ? JSON.stringify(report, null, 2) : formatFsck(report));
          if (report.missingBlocks > 0) process.exitCode = 1;
        });
      }),
    );

  dfs
    .command('setrep')
    .description('change the replication of a file, or of every file under a directory')
    .argument('<replication>', 'new replication', intFlag(0))
    .argument('<path>')
    .option('-w, --wait', 'wait until every block has that many live replicas')
    .action(
      action(async (replication: number, p: string, opts, cmd: Command) => {
        await withClient(cmd, async (client) => {
          const status = await client.stat(p);
          const files = status.type === 'FILE' ? [status] : (await client.list(p, { recursive: true })).filter((e) => e.type === 'FILE');
          for (const f of files) await client.setReplication(f.path, replication);
          if (!opts.wait) return;
          for (;;) {
            const report = await client.fsck(p);
            if (report.files.every((f) => f.blocks.every((b) => b.liveReplicas === replication))) return;
            await sleep(200);
          }
        });
      }),
    );
}
