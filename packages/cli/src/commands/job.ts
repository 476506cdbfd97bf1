// `tsmr job ...`: submit MapReduce jobs and follow them.
import { InvalidArgumentError as FlagError, Option, type Command } from 'commander';
import os from 'node:os';
import path from 'node:path';
import {
  masterProto,
  sleep,
  unaryClient,
  type JobClientDefinition,
  type JobStatus__Output,
  type UnaryApi,
} from '@tsmr/common';
import { normalizePath } from '@tsmr/dfs';
import { resolveTarget } from '../cluster-file';
import { action, intFlag } from '../cli-action';
import { bundleJob, checkBundle } from '../job/bundle';
import { formatCounters, formatHistory, formatJobStatus, progressLine } from '../job/format-job';

interface GlobalFlags {
  cluster?: string;
  master?: string;
}

type JobApi = UnaryApi<JobClientDefinition>;

/** How long `submit --wait` keeps trying to reach a master that went away while it follows a job. */
const FOLLOW_RETRY_MS = 10 * 60_000;

/** Runs fn with a JobClient for the master the flags name. Calls ride out a master restart. */
async function withMaster<T>(cmd: Command, fn: (api: JobApi) => Promise<T>, retryForMs = 5000): Promise<T> {
  const target = resolveTarget('master', cmd.optsWithGlobals<GlobalFlags>());
  const client = unaryClient(masterProto().JobClient, target.address, { secret: target.secret, retryForMs });
  try {
    return await fn(client.api);
  } finally {
    client.close();
  }
}

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const finished = (s: JobStatus__Output) => s.state === 'SUCCEEDED' || s.state === 'FAILED' || s.state === 'KILLED';

function parseParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new FlagError('expected name=value');
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

/**
 * Ctrl-C during `submit --wait` detaches: a submitted job keeps running. Installed before
 * the job is submitted, so there is no moment where Ctrl-C would kill the CLI unannounced.
 */
function detachOnInterrupt(): { submitted(jobId: string): void } {
  let jobId: string | undefined;
  process.once('SIGINT', () => {
    process.stderr.write(
      jobId
        ? `\ndetached: ${jobId} keeps running (tsmr job status ${jobId}; tsmr job kill ${jobId})\n`
        : '\ninterrupted before the job was submitted\n',
    );
    process.exit(130);
  });
  return { submitted: (id) => (jobId = id) };
}

/** Polls the job until it ends, drawing progress on stderr. */
async function follow(api: JobApi, jobId: string): Promise<JobStatus__Output> {
  const tty = process.stderr.isTTY;
  let last = '';
  for (;;) {
    const status = await api.GetJobStatus({ jobId });
    const line = progressLine(status);
    if (line !== last) process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    last = line;
    if (finished(status)) {
      if (tty) process.stderr.write('\n');
      return status;
    }
    await sleep(250);
  }
}

export function registerJobCommands(program: Command): void {
  const job = program
    .command('job')
    .description('submit MapReduce jobs and follow them')
    .option('--cluster <dir>', 'cluster directory holding cluster.json (default: $TSMR_CLUSTER, then ./.tsmr)')
    .option('--master <host:port>', 'talk to this master instead of a cluster file')
    .option('--verbose', 'print stack traces with errors');

  job
    .command('submit')
    .description('bundle a TypeScript job and submit it')
    .argument('<job.ts>', 'the job: a module whose default export is defineJob({...})')
    .requiredOption('--input <paths...>', 'DFS files or directories to read')
    .requiredOption('--output <dir>', 'DFS directory for the output; must not exist')
    .option('--reducers <n>', 'reduce tasks (0: map-only)', intFlag(0), 1)
    .addOption(new Option('--param <name=value>', 'override a job param (repeatable)').argParser(parseParam).default({}, 'the job\'s params'))
    .option('--max-attempts <n>', 'attempts per task before the job fails (default: the master\'s)', intFlag(1))
    .option('--no-speculation', 'never launch backup attempts for slow tasks')
    .option('--skip-bad-records <n>', 'skip a map record once attempts failed on it n times (0: off)', intFlag(0), 0)
    .option('--output-replication <n>', 'replication of the output files (default: the DFS default)', intFlag(1))
    .option('--wait', 'follow the job until it ends; exit 0 only if it succeeds')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts, cmd: Command) => {
        const interrupt = opts.wait ? detachOnInterrupt() : undefined;
        const code = await bundleJob(file);
        const { job: definition } = checkBundle(code, file, opts.param);
        const spec = {
          name: definition.name,
          inputs: (opts.input as string[]).map(normalizePath),
          output: normalizePath(opts.output),
          reducers: opts.reducers,
          params: opts.param,
          maxAttempts: opts.maxAttempts ?? 0,
          noSpeculation: !opts.speculation,
          skipBadRecords: opts.skipBadRecords,
          outputReplication: opts.outputReplication ?? 0,
        };
        const jobId = await withMaster(cmd, async (api) => {
          const { jobId } = await api.SubmitJob({ spec, bundle: code, submitter: os.userInfo().username });
          return jobId;
        });
        if (!interrupt) {
          print(opts.json ? JSON.stringify({ jobId }) : jobId);
          return;
        }
        interrupt.submitted(jobId);
        process.stderr.write(`submitted ${jobId} (${path.basename(file)})\n`);
        // Once the job is accepted, a master restart is waited out (calls retry for up to 10 minutes).
        const status = await withMaster(cmd, (api) => follow(api, jobId), FOLLOW_RETRY_MS);
        if (opts.json) print(JSON.stringify(status, null, 2));
        else {
          print(formatJobStatus(status));
          print(`counters:\n${formatCounters(status.counters)}`);
        }
        if (status.state !== 'SUCCEEDED') process.exitCode = 1;
      }),
    );

  job
    .command('status')
    .description('state, progress, times and error of a job')
    .argument('<jobId>')
    .option('--json', 'print JSON')
    .action(
      action(async (jobId: string, opts, cmd: Command) => {
        await withMaster(cmd, async (api) => {
          const status = await api.GetJobStatus({ jobId });
          print(opts.json ? JSON.stringify(status, null, 2) : formatJobStatus(status));
        });
      }),
    );

  job
    .command('list')
    .description('jobs, most recent first')
    .option('--limit <n>', 'at most this many', intFlag(0), 0)
    .option('--json', 'print JSON')
    .action(
      action(async (opts, cmd: Command) => {
        await withMaster(cmd, async (api) => {
          const { jobs } = await api.ListJobs({ limit: opts.limit });
          if (opts.json) return print(JSON.stringify(jobs, null, 2));
          for (const j of jobs) print(`${progressLine(j)}  ${j.name}`);
        });
      }),
    );

  job
    .command('kill')
    .description('stop a job; its output directory is removed')
    .argument('<jobId>')
    .option('--json', 'print JSON')
    .action(
      action(async (jobId: string, opts, cmd: Command) => {
        await withMaster(cmd, async (api) => {
          const status = await api.KillJob({ jobId });
          print(opts.json ? JSON.stringify(status, null, 2) : `${jobId} ${status.state}`);
        });
      }),
    );

  job
    .command('counters')
    .description('a job\'s counters (built-in, Hadoop names, and the job\'s own)')
    .argument('<jobId>')
    .option('--json', 'print JSON')
    .action(
      action(async (jobId: string, opts, cmd: Command) => {
        await withMaster(cmd, async (api) => {
          const { counters } = await api.GetJobStatus({ jobId });
          print(opts.json ? JSON.stringify(counters, null, 2) : formatCounters(counters));
        });
      }),
    );

  job
    .command('history')
    .description('every task attempt: when it was queued, started and finished, where it ran, whether its input was local')
    .argument('<jobId>')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nA long queue delay beside short run times means the cluster needs more workers.')
    .action(
      action(async (jobId: string, opts, cmd: Command) => {
        await withMaster(cmd, async (api) => {
          const history = await api.GetJobHistory({ jobId });
          print(opts.json ? JSON.stringify(history, null, 2) : formatHistory(history));
        });
      }),
    );
}
