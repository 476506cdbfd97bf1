#!/usr/bin/env node
// npm run demo: the motivating job end to end. Starts a local cluster in a temp dir,
// generates a month of access logs (DEMO_SIZE, default 256MB), puts them into the DFS,
// counts the month's unique users with examples/unique-users, and prints the answer
// beside the generator's truth. Every step is a real `tsmr` command, printed as it runs.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'packages/cli/dist/main.js');
const size = process.env.DEMO_SIZE ?? '256MB';
const month = '2026-11';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-demo-'));
const clusterDir = path.join(work, 'cluster');

function tsmr(args, options = {}) {
  console.log(`\n$ tsmr ${args.join(' ')}`);
  return execFileSync(process.execPath, [cli, ...args], {
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, TSMR_CLUSTER: clusterDir },
    encoding: 'utf8',
  });
}

let started = false;
try {
  tsmr(['local', 'start', '--dir', clusterDir, '--nodes', '3']);
  started = true;

  const logFile = path.join(work, 'access.log');
  console.log(`\n$ node examples/dist/unique-users/generate-logs.js --bytes ${size} --users 200000 --month ${month} --out access.log`);
  const truth = JSON.parse(
    execFileSync(process.execPath, [
      path.join(root, 'examples/dist/unique-users/generate-logs.js'),
      '--bytes', size, '--users', '200000', '--month', month, '--seed', '1', '--out', logFile,
    ], { encoding: 'utf8' }),
  );
  console.log(`generated ${truth.lines} lines (${truth.bytes} bytes)`);

  tsmr(['dfs', 'put', logFile, `/logs/${month}/access.log`]);
  tsmr(['dfs', 'ls', '-h', `/logs/${month}`]);
  const t0 = Date.now();
  const result = JSON.parse(
    tsmr(
      ['job', 'submit', path.join(root, 'examples/unique-users/job.ts'), '--input', `/logs/${month}`,
        '--output', `/out/unique-users-${month}`, '--reducers', '3', '--param', `month=${month}`, '--wait', '--json'],
      { capture: true },
    ),
  );
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  tsmr(['job', 'history', result.jobId]);
  console.log(`\nmonthly unique users for ${month}: ${result.counters['unique-users']} (generator's truth: ${truth.uniqueUsers})`);
  console.log(`job ${result.jobId} ${result.state} in ${seconds} s from submit to _SUCCESS`);
  if (result.state !== 'SUCCEEDED' || result.counters['unique-users'] !== truth.uniqueUsers) process.exitCode = 1;
} finally {
  if (started) tsmr(['local', 'stop', '--dir', clusterDir]);
  fs.rmSync(work, { recursive: true, force: true });
}
