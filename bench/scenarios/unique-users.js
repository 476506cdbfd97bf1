// unique-users: a month's unique users in BENCH_UU_SIZE (default 1GiB) of generated
// combined-format logs (≈5.8 M lines, ≈1 M distinct users of the month at 1 GiB; the
// generator's user population scales with the size), stored in the DFS of a local cluster
// (3 nodes, 64 MB blocks), end to end: `tsmr job submit examples/unique-users/job.ts --wait`
// to _SUCCESS, on a warm cluster (one job first, not measured). Baselines on the same file on local disk (page cache warm after the first
// rep): bench/baselines/unique-users-threads.js (2 worker threads and a Set) and an
// awk | sort -u --parallel=2 | wc -l pipeline computing the job's definition. Interleaved,
// BENCH_REPS repetitions; every answer is checked against the generator's truth.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('../lib');

const { REPS, median, fmt, ratio } = lib;
const SIZE = lib.parseSize(process.env.BENCH_UU_SIZE ?? '1GiB');
const MONTH = '2026-11';
// One reduce per task slot (3 workers of 1 slot on 2 cores), so the reduces run in one
// wave, as Hadoop advises (reduces ≈ 0.95 × reduce slots) and as the demo submits it. With
// 4 the last reduce ran alone after the other three: 8.3 s against 7.4 s, means of 4 jobs.
const REDUCERS = 3;

/** The job's definition in awk: lines with `] "`, a [dd/Nov/2026: timestamp in field 4; authuser, else the address. */
const awkPipeline = (file) =>
  `LC_ALL=C awk 'index($0, "] \\"") && $4 ~ /^\\[..\\/Nov\\/2026:/ { print ($3 == "-" ? $1 : $3) }' '${file}' | LC_ALL=C sort -u --parallel=2 -S 1G | wc -l`;

exports.run = async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-uu-'));
  const file = path.join(tmp, 'access.log');
  let cluster;
  const times = { job: [], wall: [], threads: [], pipeline: [] };
  let truth;
  let putSeconds;
  try {
    process.stdout.write(`generating ${lib.formatBytes(SIZE)} of logs...\n`);
    truth = lib.generateLogs(file, SIZE, lib.usersFor(SIZE), MONTH);
    process.stdout.write(`${JSON.stringify(truth)}\n`);
    cluster = lib.startCluster({ nodes: 3, blockSize: '64MB' });
    putSeconds = (await lib.timed(() => cluster.dfs('put', file, '/logs/access.log'))).seconds;
    const submit = (output) =>
      cluster.submit('examples/unique-users/job.ts', ['--input', '/logs', '--output', output, '--reducers', String(REDUCERS), '--param', `month=${MONTH}`]);
    // A long-running cluster is warm: one job first, not measured (the task threads' first
    // map compiles the engine's code; the scenario's baselines start fresh every time).
    await submit('/out/warm-up');
    await cluster.dfs('rm', '-r', '/out/warm-up');
    for (let rep = 0; rep < REPS; rep++) {
      const r = await submit(`/out/uu${rep}`);
      const jobAnswer = Number(r.status.counters['unique-users']);
      times.job.push(r.job);
      times.wall.push(r.wall);
      await cluster.dfs('rm', '-r', `/out/uu${rep}`);

      const threads = await lib.timed(() => lib.sh(`'${process.execPath}' '${path.join(__dirname, '../baselines/unique-users-threads.js')}' '${file}' ${MONTH} 2`));
      times.threads.push(threads.seconds);
      const pipeline = await lib.timed(() => lib.sh(awkPipeline(file)));
      times.pipeline.push(pipeline.seconds);

      const answers = { job: jobAnswer, threads: Number(threads.result), pipeline: Number(pipeline.result), truth: truth.uniqueUsers };
      if (new Set(Object.values(answers)).size !== 1) throw new Error(`answers differ: ${JSON.stringify(answers)}`);
      process.stdout.write(`rep ${rep + 1}/${REPS}: job ${fmt(r.job)} (wall ${fmt(r.wall)}), threads ${fmt(threads.seconds)}, pipeline ${fmt(pipeline.seconds)}; ${jobAnswer} users\n`);
    }
  } finally {
    if (cluster) cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const job = median(times.job);
  const wall = median(times.wall);
  const threads = median(times.threads);
  const pipeline = median(times.pipeline);
  return [
    `${lib.formatBytes(SIZE)} of generated logs (${truth.lines.toLocaleString('en')} lines, ${truth.uniqueUsers.toLocaleString('en')} unique users in ${MONTH}; ` +
      `generator --users ${lib.usersFor(SIZE)} --seed 1), in the DFS of a 3-node local cluster (64 MB blocks, ${Math.ceil(truth.bytes / (64 << 20))} maps, ${REDUCERS} reduces), warm (one job first, not counted); ` +
      `baselines on the same file on local disk (page cache). Median of ${REPS} interleaved runs; all answers equal the generator's truth (asserted). ` +
      `2 cores; other work may run at the same time, so the figures are noisy. (dfs put of the file: ${fmt(putSeconds)}, not counted.)`,
    '',
    lib.ratioTable(
      ['what', 'median', 'job ÷ this', 'target'],
      [
        ['tsmr job (finishedAt − submittedAt)', fmt(job), '—', ''],
        ['tsmr job submit --wait (CLI wall)', fmt(wall), '—', ''],
        ['2-thread Node program + Set (bench/baselines/unique-users-threads.js)', fmt(threads), `${ratio(job, threads)} (wall ${ratio(wall, threads)})`, `≤ 1.3×: ${job / threads <= 1.3 ? 'met' : 'NOT met'}`],
        ["`awk '{…$3==\"-\" ? $1 : $3}' \\| LC_ALL=C sort -u --parallel=2 \\| wc -l`", fmt(pipeline), `${ratio(job, pipeline)} (wall ${ratio(wall, pipeline)})`, `< 1×: ${job < pipeline ? 'met' : 'NOT met'}`],
      ],
    ),
  ].join('\n');
};
