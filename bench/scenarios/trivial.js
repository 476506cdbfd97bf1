// trivial: the fixed cost of a job. One small file, word count with one reduce, on a warm
// cluster (3 nodes; one warm-up job first): submit → _SUCCESS, BENCH_TRIVIAL_RUNS (20) jobs.
// Two figures per job: the master's finishedAt − submittedAt, and the wall time of
// `tsmr job submit --wait --json` (node start, esbuild bundling, the 250 ms status polling).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCluster, median, ratioTable, fmt } = require('../lib');

const RUNS = Number(process.env.BENCH_TRIVIAL_RUNS ?? 20);
const JOB = 'examples/word-count/job.ts';

exports.run = async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-trivial-'));
  const cluster = startCluster({ nodes: 3 });
  const jobTimes = [];
  const walls = [];
  try {
    const input = path.join(tmp, 'small.txt');
    fs.writeFileSync(input, 'the quick brown fox\njumps over the lazy dog\n'.repeat(100));
    await cluster.dfs('put', input, '/in/small.txt');
    await cluster.submit(JOB, ['--input', '/in/small.txt', '--output', '/out/warmup', '--reducers', '1']);
    for (let i = 0; i < RUNS; i++) {
      const r = await cluster.submit(JOB, ['--input', '/in/small.txt', '--output', `/out/t${i}`, '--reducers', '1']);
      const out = await cluster.dfs('cat', `/out/t${i}/part-r-00000`);
      if (!out.includes('fox\t100')) throw new Error(`unexpected output: ${out}`);
      jobTimes.push(r.job);
      walls.push(r.wall);
      process.stdout.write(`job ${i + 1}/${RUNS}: ${r.job.toFixed(3)} s (wall ${r.wall.toFixed(2)} s)\n`);
    }
  } finally {
    cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const p = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  return [
    `One 4.4 KB file, word count, 1 map + 1 reduce, warm 3-node cluster (after one warm-up job), ${RUNS} jobs one after another.`,
    'Target: median job time < 1 s. Noisy: 2 cores, other work (tests) may run at the same time.',
    '',
    ratioTable(
      ['what', 'median', 'min', 'max', 'target < 1 s'],
      [
        ['job: finishedAt − submittedAt (master clock)', fmt(median(jobTimes)), fmt(Math.min(...jobTimes)), fmt(Math.max(...jobTimes)), median(jobTimes) < 1 ? 'met' : 'NOT met'],
        ['CLI wall: `tsmr job submit --wait --json`', fmt(median(walls)), fmt(Math.min(...walls)), fmt(Math.max(...walls)), median(walls) < 1 ? 'met' : 'not met'],
      ],
    ),
    '',
    `p90 job time ${fmt(p(jobTimes, 0.9))}; the CLI wall time adds node start-up, esbuild bundling of the job and the CLI's 250 ms status polling.`,
  ].join('\n');
};
