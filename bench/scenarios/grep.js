// grep: lines matching a regex (server errors, `" 5[0-9][0-9] `) in BENCH_GREP_SIZE (default
// BENCH_UU_SIZE, else 1GiB) of the unique-users generated log, stored in the DFS of a 3-node
// local cluster: examples/grep/job.ts as its README runs it (1 reducer; the answer is the
// `matching-lines` counter), submit → _SUCCESS, against `LC_ALL=C grep -cE` on the same
// file on local disk. Interleaved, BENCH_REPS repetitions; the counts are asserted equal.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('../lib');

const { REPS, median, fmt, ratio } = lib;
const SIZE = lib.parseSize(process.env.BENCH_GREP_SIZE ?? process.env.BENCH_UU_SIZE ?? '1GiB');
const PATTERN = '" 5[0-9][0-9] ';

exports.run = async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-grep-'));
  const file = path.join(tmp, 'access.log');
  let cluster;
  const times = { job: [], wall: [], grep: [] };
  let count;
  let truth;
  try {
    process.stdout.write(`generating ${lib.formatBytes(SIZE)} of logs...\n`);
    truth = lib.generateLogs(file, SIZE, lib.usersFor(SIZE), '2026-11');
    cluster = lib.startCluster({ nodes: 3, blockSize: '64MB' });
    await cluster.dfs('put', file, '/logs/access.log');
    for (let rep = 0; rep < REPS; rep++) {
      const r = await cluster.submit('examples/grep/job.ts', ['--input', '/logs', '--output', `/out/grep${rep}`, '--reducers', '1', '--param', `pattern=${PATTERN}`]);
      const jobCount = Number(r.status.counters['matching-lines'] ?? 0);
      times.job.push(r.job);
      times.wall.push(r.wall);
      await cluster.dfs('rm', '-r', `/out/grep${rep}`);
      const grep = await lib.timed(() => lib.sh(`LC_ALL=C grep -cE '${PATTERN}' '${file}'`));
      times.grep.push(grep.seconds);
      if (jobCount !== Number(grep.result)) throw new Error(`job counted ${jobCount} lines, grep -c ${grep.result}`);
      count = jobCount;
      process.stdout.write(`rep ${rep + 1}/${REPS}: job ${fmt(r.job)} (wall ${fmt(r.wall)}), grep -c ${fmt(grep.seconds)}; ${count} lines\n`);
    }
  } finally {
    if (cluster) cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const job = median(times.job);
  const wall = median(times.wall);
  const grep = median(times.grep);
  return [
    `${lib.formatBytes(SIZE)} of generated logs (${truth.lines.toLocaleString('en')} lines), pattern \`${PATTERN}\` (${count.toLocaleString('en')} matching lines, ` +
      `equal counts asserted), 3-node local cluster, 64 MB blocks, ${Math.ceil(truth.bytes / (64 << 20))} maps + 1 reduce; grep on the same file on local disk (page cache). ` +
      `Median of ${REPS} interleaved runs; 2 cores, other work may run at the same time, so the figures are noisy.`,
    '',
    lib.ratioTable(
      ['what', 'median', 'job ÷ grep -c', 'target ≤ 3×'],
      [
        ['tsmr job (finishedAt − submittedAt)', fmt(job), ratio(job, grep), job / grep <= 3 ? 'met' : 'NOT met'],
        ['tsmr job submit --wait (CLI wall)', fmt(wall), ratio(wall, grep), wall / grep <= 3 ? 'met' : 'NOT met'],
        [`\`LC_ALL=C grep -cE '${PATTERN}'\``, fmt(grep), '—', ''],
      ],
    ),
  ].join('\n');
};
