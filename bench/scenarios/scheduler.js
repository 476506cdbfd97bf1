// scheduler: the master alone under BENCH_SCHED_WORKERS (1,000) simulated workers and
// BENCH_SCHED_TASKS (100,000) queued map tasks.
//
// The input is real: a 1-node `tsmr local start` (namenode + 1 datanode; its own master and
// worker stay idle) holds BENCH_SCHED_BLOCKS (5,000) blocks of 64 KiB, the smallest block
// the namenode accepts, in BENCH_SCHED_FILES (10) files written concurrently (a pipeline
// per block costs a few ms, so 100,000 blocks would take minutes to write). TASKS/BLOCKS
// jobs read that directory, so a separate `tsmr master` process plans TASKS map tasks from
// the namenode's block locations and stores them in its SQLite store; the bench checks that
// the master reports them all queued before any worker starts. --locality-delay 0: the
// simulated workers have no datanode.
//
// The simulated workers run in the bench process (not the master's), BENCH_SCHED_SLOTS (4)
// slots each. Each heartbeats as a real worker does after its first heartbeat: over its own
// connection to the master's heartbeat stream, with the workers' own HeartbeatStream client
// (all connected, CONNECTS at a time, before anything is measured). The stream's port comes
// from the reply to one gRPC heartbeat of sim-worker-0 with no free slots, as every worker
// learns it.
// A worker heartbeats with its free slots; the attempts it gets "run" for BENCH_SCHED_TASK_MS
// (100 ms), then it heartbeats at once to report them SUCCEEDED (as a real worker does when
// an attempt ends); with nothing to do it waits the interval the reply names. Each worker is
// a closed loop, so with 0 ms tasks the bench measures how fast the master can go flat out,
// but every heartbeat then waits behind the other 999 and its latency is queueing, not the
// master's work. The jobs keep the defaults (speculation on), so the speculator runs as it would.
//
// Measured: map assignments per second (first to last assignment), the latency of every
// heartbeat (p50/p99/max), and the CPU the master, the simulated workers and everything
// else on the machine used meanwhile (the workers' own event-loop delay too, which would
// inflate the latencies they measure); the master's CPU per heartbeat is the figure that
// other load on a shared machine disturbs least. BENCH_SCHED_PROFILE=DIR runs the master under
// `node --cpu-prof --cpu-prof-dir DIR`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { HeartbeatStream, masterProto, unaryClient } = require('../../packages/common/dist');
const { DfsClient } = require('../../packages/dfs/dist');
const lib = require('../lib');

const WANTED = Number(process.env.BENCH_SCHED_TASKS ?? 100_000);
const WORKERS = Number(process.env.BENCH_SCHED_WORKERS ?? 1000);
const SLOTS = Number(process.env.BENCH_SCHED_SLOTS ?? 4);
const TASK_MS = Number(process.env.BENCH_SCHED_TASK_MS ?? 100);
const BLOCK = 64 << 10; // the namenode's bytes_per_checksum: the smallest block it accepts
const BLOCKS = Number(process.env.BENCH_SCHED_BLOCKS ?? Math.min(WANTED, 5000));
const FILES = Math.min(BLOCKS, Number(process.env.BENCH_SCHED_FILES ?? 10));
const JOBS = Math.ceil(WANTED / BLOCKS);
const TASKS = JOBS * BLOCKS;
const SUBMITTERS = 4; // `tsmr job submit` processes at once
const CONNECTS = 50; // simulated workers connecting at once
const PROFILE_DIR = process.env.BENCH_SCHED_PROFILE;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Runs `task(i)` for i in [0, n), `width` at a time. */
async function pool(n, width, task) {
  let next = 0;
  const lane = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, lane));
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
function processCpu(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}
/** CPU seconds every core of the machine has been busy so far. */
function machineCpu() {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + ticks[4]; // idle, iowait
  return (ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / CLOCK_TICKS;
}
const selfCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

function startMaster(dir, namenode, secret) {
  const addressFile = path.join(dir, 'address');
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE_DIR)] : [];
  const child = spawn(process.execPath, [...profile, lib.CLI, 'master', '--dir', dir, '--namenode', namenode, '--locality-delay', '0', '--address-file', addressFile], {
    env: { ...process.env, TSMR_SECRET: secret },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (async () => {
    for (let i = 0; i < 200 && !fs.existsSync(addressFile); i++) await sleep(50);
    const address = fs.readFileSync(addressFile, 'utf8').trim();
    return { child, address };
  })();
}

/** Writes BLOCKS blocks of 64-byte lines into FILES files under /sched/in, one writer per file. */
async function writeInput(dfs) {
  const block = Buffer.from(`${'x'.repeat(63)}\n`.repeat(BLOCK / 64));
  await pool(FILES, FILES, async (f) => {
    const blocks = Math.floor(BLOCKS / FILES) + (f < BLOCKS % FILES ? 1 : 0);
    const out = await dfs.create(`/sched/in/part-${String(f).padStart(3, '0')}`, { replication: 1, blockSize: BLOCK, overwrite: true });
    for (let i = 0; i < blocks; i++) if (!out.write(block)) await new Promise((r) => out.once('drain', r));
    await new Promise((resolve, reject) => out.end(resolve).once('error', reject));
  });
}

exports.run = async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-sched-'));
  const cluster = lib.startCluster({ nodes: 1 });
  const secret = cluster.info.secret;
  const dfs = new DfsClient({ namenode: cluster.info.namenode.address, secret });
  let master;
  let jobClient;
  const clients = [];
  let result;
  try {
    const write = await lib.timed(() => writeInput(dfs));
    process.stdout.write(`wrote ${BLOCKS} blocks in ${FILES} files in ${lib.fmt(write.seconds)}\n`);
    master = await startMaster(path.join(tmp, 'master'), cluster.info.namenode.address, secret);
    jobClient = unaryClient(masterProto().JobClient, master.address, { secret, timeoutMs: 60_000 });

    const jobIds = [];
    const submit = await lib.timed(() =>
      pool(JOBS, SUBMITTERS, async (j) => {
        const out = await lib.cli(['job', '--master', master.address, 'submit', 'examples/word-count/job.ts', '--input', '/sched/in', '--output', `/sched/out${j}`, '--reducers', '1', '--json'], {
          env: { ...process.env, TSMR_SECRET: secret },
        });
        jobIds.push(JSON.parse(out).jobId);
      }),
    );
    // What the master itself reports queued (its task counts are read from its store).
    let queued = 0;
    for (const jobId of jobIds) {
      const status = await jobClient.api.GetJobStatus({ jobId });
      if (status.state !== 'PENDING') throw new Error(`${jobId} is ${status.state} before any worker started`);
      queued += status.mapsTotal - status.mapsDone;
    }
    if (queued !== TASKS) throw new Error(`the master has ${queued} map tasks queued, expected ${TASKS}`);
    process.stdout.write(`submitted ${JOBS} jobs in ${lib.fmt(submit.seconds)}: the master has ${queued} map tasks queued\n`);

    const latencies = [];
    let assigned = 0;
    let firstAssign = 0;
    let lastAssign = 0;
    let errors = 0;
    let done = false;
    const identity = (w) => ({ workerId: `sim-worker-${w}`, shuffleAddress: `127.0.0.1:${20000 + w}`, slots: SLOTS });
    const workerProtocol = unaryClient(masterProto().WorkerProtocol, master.address, { secret });
    const { heartbeatPort } = await workerProtocol.api.Heartbeat({ ...identity(0), freeSlots: 0, reports: [] });
    workerProtocol.close();
    if (!(heartbeatPort > 0)) throw new Error('the master named no heartbeat stream');
    const streamAddress = `${master.address.slice(0, master.address.lastIndexOf(':'))}:${heartbeatPort}`;
    // Connected, and announced with no free slots, before anything is measured, CONNECTS at a
    // time: 1,000 connects at once overflow the master's listen queue (node's default backlog
    // is 511), and each dropped SYN is retried after 1 s, then 3 s, which would be the p99.
    await pool(WORKERS, CONNECTS, async (w) => {
      clients[w] = new HeartbeatStream(streamAddress, secret);
      await clients[w].heartbeat({ ...identity(w), freeSlots: 0, reports: [] });
    });
    const worker = async (w) => {
      let running = [];
      await sleep((w / WORKERS) * 1000); // stagger the first heartbeats over one interval
      while (!done) {
        const reports = running.map((a) => ({ attemptId: a.attemptId, state: 'SUCCEEDED', counters: {}, partitionBytes: a.type === 'MAP' ? [1] : [] }));
        const t0 = process.hrtime.bigint();
        let reply;
        try {
          reply = await clients[w].heartbeat({ ...identity(w), freeSlots: SLOTS, reports });
        } catch (err) {
          errors++;
          if (errors < 5) process.stderr.write(`heartbeat failed: ${err.message}\n`);
          clients[w] = new HeartbeatStream(streamAddress, secret);
          await sleep(1000);
          continue;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        running = reply.assignments;
        let maps = 0;
        for (const a of running) if (a.type === 'MAP') maps++;
        if (maps > 0) {
          const now = performance.now();
          if (assigned === 0) firstAssign = now;
          assigned += maps;
          lastAssign = now;
        }
        await sleep(running.length > 0 ? TASK_MS : Number(reply.heartbeatIntervalMs) || 1000);
      }
    };
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = { master: processCpu(master.child.pid), workers: selfCpu(), machine: machineCpu(), at: performance.now() };
    const running = Array.from({ length: WORKERS }, (_, w) => worker(w));
    const deadline = performance.now() + Number(process.env.BENCH_SCHED_SECONDS ?? 300) * 1000;
    while (assigned < TASKS && performance.now() < deadline) {
      const from = latencies.length;
      await sleep(1000);
      const second = latencies.slice(from).sort((a, b) => a - b);
      process.stdout.write(`  ${assigned}/${TASKS} maps assigned, ${latencies.length} heartbeats (this second's p99 ${quantile(second, 0.99)?.toFixed(0)} ms)\n`);
    }
    const cpuAfter = { master: processCpu(master.child.pid), workers: selfCpu(), machine: machineCpu(), at: performance.now(), heartbeats: latencies.length };
    loopDelay.disable();
    await sleep(1500); // one more interval of heartbeats after the last assignment
    done = true;
    await Promise.all(running);
    const sorted = [...latencies].sort((a, b) => a - b);
    const cpu = { wall: (cpuAfter.at - cpuBefore.at) / 1000, heartbeats: cpuAfter.heartbeats, master: cpuAfter.master - cpuBefore.master, workers: cpuAfter.workers - cpuBefore.workers };
    cpu.others = Math.max(0, cpuAfter.machine - cpuBefore.machine - cpu.master - cpu.workers);
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
      cpu,
      loopDelayP99: loopDelay.percentile(99) / 1e6,
    };
  } finally {
    for (const c of clients) c?.close();
    jobClient?.close();
    dfs.close();
    if (master) {
      master.child.kill('SIGTERM');
      await new Promise((r) => (master.child.exitCode !== null ? r() : master.child.once('exit', r)));
    }
    cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const r = result;
  const cores = (s) => `${s.toFixed(1)} s (${(s / r.cpu.wall).toFixed(2)} cores)`;
  return [
    `The master alone (own process) with ${TASKS.toLocaleString('en')} map tasks queued in its store (${JOBS} jobs, each reading the same ${BLOCKS.toLocaleString('en')} blocks of 64 KiB in ${FILES} files ` +
      `on a 1-datanode cluster: writing them took ${lib.fmt(r.write)}, submitting the jobs ${lib.fmt(r.submit)}), --locality-delay 0, and ${WORKERS.toLocaleString('en')} simulated workers ` +
      `(each its own connection to the master's heartbeat stream, from the bench process, ${SLOTS} slots each; an attempt runs ${TASK_MS} ms, then the worker heartbeats at once to report it SUCCEEDED).`,
    '',
    lib.ratioTable(
      ['what', 'measured', 'target', ''],
      [
        ['map assignments per second (first to last assignment)', `${Math.round(r.rate).toLocaleString('en')}/s (${r.assigned.toLocaleString('en')} in ${lib.fmt(r.span)})`, '≥ 20,000/s', r.rate >= 20000 ? 'met' : 'NOT met'],
        [`heartbeat latency p99 (${r.heartbeats.toLocaleString('en')} heartbeats)`, `${r.p99.toFixed(1)} ms (p50 ${r.p50.toFixed(1)} ms, max ${r.max.toFixed(0)} ms)`, '< 50 ms', r.p99 < 50 ? 'met' : 'NOT met'],
      ],
    ),
    '',
    `CPU over the ${lib.fmt(r.cpu.wall)} of assignments: the master ${cores(r.cpu.master)}, ${Math.round((r.cpu.master * 1e6) / r.cpu.heartbeats)} µs per heartbeat; ` +
      `the simulated workers ${cores(r.cpu.workers)} ` +
      `(their event-loop delay p99 ${r.loopDelayP99.toFixed(1)} ms), everything else on the machine ${cores(r.cpu.others)}, of ${os.cpus().length} cores.`,
    r.errors ? `\n${r.errors} heartbeats failed.` : '',
  ].join('\n');
};
