// scheduler: the master alone under BENCH_SCHED_WORKERS (1,000) simulated workers and
// BENCH_SCHED_TASKS (100,000) queued map tasks. A real namenode + 1 datanode (a 1-node
// `tsmr local start`, whose own master and worker stay idle) holds the input: one file of
// BLOCKS (20,000) blocks of 64 KiB (the smallest block the namenode accepts: 100,000 would
// be 6.4 GB), so the planner makes one map task per block; TASKS/BLOCKS jobs over that file
// are submitted at once, so TASKS map tasks are queued. A separate `tsmr master` process (--locality-delay 0: the
// simulated workers have no datanode) gets the job; the simulated workers are in-process
// gRPC clients (unaryClient(masterProto().WorkerProtocol)), each with SLOTS free slots:
// a worker heartbeats, and reports every attempt it was given as SUCCEEDED on its next
// heartbeat, sent at once (as a real worker does when an attempt ends), else after the
// 1 s interval. Measured: map assignments per second (first to last assignment) and the
// latency of every heartbeat (p50/p99/max).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { masterProto, unaryClient } = require('../../packages/common/dist');
const { DfsClient } = require('../../packages/dfs/dist');
const lib = require('../lib');

const WANTED = Number(process.env.BENCH_SCHED_TASKS ?? 100_000);
const WORKERS = Number(process.env.BENCH_SCHED_WORKERS ?? 1000);
const SLOTS = Number(process.env.BENCH_SCHED_SLOTS ?? 4);
const BLOCK = 64 << 10; // the namenode's bytes_per_checksum: the smallest block it accepts
const BLOCKS = Number(process.env.BENCH_SCHED_BLOCKS ?? Math.min(WANTED, 20_000));
const JOBS = Math.ceil(WANTED / BLOCKS);
const TASKS = JOBS * BLOCKS;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function startMaster(dir, namenode, secret) {
  const addressFile = path.join(dir, 'address');
  const child = spawn(process.execPath, [lib.CLI, 'master', '--dir', dir, '--namenode', namenode, '--locality-delay', '0', '--address-file', addressFile], {
    env: { ...process.env, TSMR_SECRET: secret },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (async () => {
    for (let i = 0; i < 200 && !fs.existsSync(addressFile); i++) await sleep(50);
    const address = fs.readFileSync(addressFile, 'utf8').trim();
    return { child, address };
  })();
}

exports.run = async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-sched-'));
  const cluster = lib.startCluster({ nodes: 1 });
  const secret = cluster.info.secret;
  const dfs = new DfsClient({ namenode: cluster.info.namenode.address, secret });
  let master;
  const clients = [];
  let result;
  try {
    // The input: BLOCKS blocks of 64 KiB, lines of 64 bytes.
    const write = await lib.timed(async () => {
      const out = await dfs.create('/sched/in/blocks.txt', { replication: 1, blockSize: BLOCK, overwrite: true });
      const block = Buffer.from(`${'x'.repeat(63)}\n`.repeat(BLOCK / 64));
      for (let i = 0; i < BLOCKS; i++) if (!out.write(block)) await new Promise((r) => out.once('drain', r));
      await new Promise((resolve, reject) => out.end(resolve).once('error', reject));
    });
    process.stdout.write(`wrote ${BLOCKS} blocks in ${lib.fmt(write.seconds)}\n`);
    master = await startMaster(path.join(tmp, 'master'), cluster.info.namenode.address, secret);

    const submit = await lib.timed(async () => {
      for (let j = 0; j < JOBS; j++) {
        await lib.cli(['job', '--master', master.address, 'submit', 'examples/word-count/job.ts', '--input', '/sched/in', '--output', `/sched/out${j}`, '--reducers', '1', '--no-speculation', '--json'], {
          env: { ...process.env, TSMR_SECRET: secret },
        });
      }
    });
    process.stdout.write(`submitted ${JOBS} jobs (${JOBS * BLOCKS} maps) in ${lib.fmt(submit.seconds)}\n`);

    const latencies = [];
    let assigned = 0;
    let firstAssign = 0;
    let lastAssign = 0;
    let errors = 0;
    let done = false;
    const { WorkerProtocol } = masterProto();
    const worker = async (w) => {
      const client = unaryClient(WorkerProtocol, master.address, { secret, timeoutMs: 30_000 });
      clients.push(client);
      let pending = [];
      await sleep((w / WORKERS) * 1000); // stagger the first heartbeats over one interval
      while (!done) {
        const reports = pending.map((a) => ({ attemptId: a.attemptId, state: 'SUCCEEDED', counters: {}, partitionBytes: a.type === 'MAP' ? [1] : [] }));
        const t0 = process.hrtime.bigint();
        let reply;
        try {
          reply = await client.api.Heartbeat({ workerId: `sim-worker-${w}`, shuffleAddress: `127.0.0.1:${20000 + w}`, datanodeId: '', slots: SLOTS, freeSlots: SLOTS, reports });
        } catch (err) {
          errors++;
          if (errors < 5) process.stderr.write(`heartbeat failed: ${err.message}\n`);
          await sleep(1000);
          continue;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        pending = reply.assignments;
        const maps = reply.assignments.filter((a) => a.type === 'MAP').length;
        if (maps > 0) {
          const now = performance.now();
          if (assigned === 0) firstAssign = now;
          assigned += maps;
          lastAssign = now;
        }
        if (pending.length === 0) await sleep(Number(reply.heartbeatIntervalMs) || 1000);
      }
    };
    const started = performance.now();
    const running = Array.from({ length: WORKERS }, (_, w) => worker(w));
    const deadline = started + Number(process.env.BENCH_SCHED_SECONDS ?? 300) * 1000;
    while (assigned < TASKS && performance.now() < deadline) {
      await sleep(1000);
      process.stdout.write(`  ${assigned}/${TASKS} maps assigned, ${latencies.length} heartbeats\n`);
    }
    await sleep(1500); // one more interval of heartbeats after the last assignment
    done = true;
    await Promise.all(running);
    const sorted = [...latencies].sort((a, b) => a - b);
    result = {
      write: write.seconds,
      submit: submit.seconds,
      assigned,
      rate: assigned / ((lastAssign - firstAssign) / 1000),
      span: (lastAssign - firstAssign) / 1000,
      heartbeats: latencies.length,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1],
      errors,
    };
  } finally {
    for (const c of clients) c.close();
    dfs.close();
    if (master) {
      master.child.kill('SIGTERM');
      await new Promise((r) => (master.child.exitCode !== null ? r() : master.child.once('exit', r)));
    }
    cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const r = result;
  return [
    `The master alone (own process), ${WORKERS.toLocaleString('en')} simulated workers (in-process gRPC clients in the bench process, ${SLOTS} slots each, ` +
      `attempts reported SUCCEEDED on the next heartbeat, sent at once), ${JOBS} jobs of ${BLOCKS.toLocaleString('en')} map tasks each, all queued at once: ${TASKS.toLocaleString('en')} tasks ` +
      `(each job reads one file of ${BLOCKS.toLocaleString('en')} 64 KiB blocks on a 1-datanode cluster; writing it took ${lib.fmt(r.write)}, submitting the jobs ${lib.fmt(r.submit)}), ` +
      `--locality-delay 0. The simulated workers share the 2 cores with the master, so they slow it down; other work may run at the same time: noisy.`,
    '',
    lib.ratioTable(
      ['what', 'measured', 'target', ''],
      [
        ['map assignments per second (first to last assignment)', `${Math.round(r.rate).toLocaleString('en')}/s (${r.assigned.toLocaleString('en')} in ${lib.fmt(r.span)})`, '≥ 20,000/s', r.rate >= 20000 ? 'met' : 'NOT met'],
        [`heartbeat latency p99 (${r.heartbeats.toLocaleString('en')} heartbeats)`, `${r.p99.toFixed(1)} ms (p50 ${r.p50.toFixed(1)} ms, max ${r.max.toFixed(0)} ms)`, '< 50 ms', r.p99 < 50 ? 'met' : 'NOT met'],
      ],
    ),
    r.errors ? `\n${r.errors} heartbeats failed.` : '',
  ].join('\n');
};
