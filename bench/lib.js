// Helpers shared by the scenarios that run jobs on a local cluster through the built CLI.
const { execFile, execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { median } = require('./stats');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'packages/cli/dist/main.js');
const REPS = Number(process.env.BENCH_REPS ?? 3);

/** "256MB", "1GiB" or bytes, read as the CLI reads them. */
const { parseSize } = require('../packages/common/dist');

const formatBytes = (n) => (n >= 2 ** 30 ? `${+(n / 2 ** 30).toFixed(2)} GiB` : `${+(n / 2 ** 20).toFixed(1)} MiB`);

/** Seconds fn takes. */
async function timed(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/** Runs a bash pipeline (with pipefail); resolves to its trimmed stdout. */
function sh(script, options = {}) {
  return new Promise((resolve, reject) => {
    execFile('bash', ['-o', 'pipefail', '-c', script], { maxBuffer: 64 << 20, ...options }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${script}: ${err.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

/** Runs the CLI; resolves to stdout. Throws with stderr on a non-zero exit. */
function cli(args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 256 << 20, cwd: ROOT, ...options }, (err, stdout, stderr) => {
      if (err) reject(new Error(`tsmr ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Starts `tsmr local start` in a fresh temp dir; stop() stops it and removes the dir. */
function startCluster({ nodes = 3, blockSize = '64MB', extra = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-cluster-'));
  try {
    execFileSync(process.execPath, [CLI, 'local', 'start', '--dir', dir, '--nodes', String(nodes), '--block-size', blockSize, ...extra], {
      stdio: ['ignore', 'inherit', 'inherit'],
      cwd: ROOT,
    });
  } catch (err) {
    stopClusterDir(dir);
    throw err;
  }
  const info = JSON.parse(fs.readFileSync(path.join(dir, 'cluster.json'), 'utf8'));
  return {
    dir,
    info,
    dfs: (...args) => cli(['dfs', '--cluster', dir, ...args]),
    /**
     * `tsmr job submit JOB --wait --json`: the job's own time (finishedAt − submittedAt,
     * the master's clock) and the command's wall time (bundling, polling included).
     */
    async submit(jobFile, args) {
      const { seconds, result } = await timed(() => cli(['job', '--cluster', dir, 'submit', jobFile, '--wait', '--json', ...args]));
      const status = JSON.parse(result);
      if (status.state !== 'SUCCEEDED') throw new Error(`job ${status.jobId} ${status.state}: ${JSON.stringify(status.error)}`);
      return { status, wall: seconds, job: (Number(status.finishedAt) - Number(status.submittedAt)) / 1000 };
    },
    stop: () => stopClusterDir(dir),
  };
}

function stopClusterDir(dir) {
  try {
    execFileSync(process.execPath, [CLI, 'local', 'stop', '--dir', dir], { stdio: ['ignore', 'inherit', 'inherit'], cwd: ROOT });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Generates the unique-users log (examples' generator); returns its truth. */
function generateLogs(file, bytes, users, month, seed = 1) {
  const gen = path.join(ROOT, 'examples/dist/unique-users/generate-logs.js');
  if (!fs.existsSync(gen)) throw new Error(`${gen} missing: run npm run build`);
  const out = execFileSync(process.execPath, [gen, '--bytes', String(bytes), '--users', String(users), '--month', month, '--seed', String(seed), '--out', file]);
  return JSON.parse(String(out));
}

/** The users parameter giving ≈1 M distinct users of the month in 1 GiB (≈5.8 M lines), scaled to the size. */
const usersFor = (bytes) => Math.max(1000, Math.round((1_050_000 * bytes) / 2 ** 30));

/** Table rows: name | median s | ratio to `base` (the framework row divides by each baseline). */
function ratioTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const fmt = (s) => `${s.toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

module.exports = { ROOT, CLI, REPS, parseSize, formatBytes, timed, sh, cli, startCluster, generateLogs, usersFor, ratioTable, fmt, ratio, median, spawn };
