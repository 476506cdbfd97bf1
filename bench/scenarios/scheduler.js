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
// connection to the master's heartbeat stream (all connected, CONNECTS at a time, before
// anything is measured), on the wire of the workers' own client but through a lean one
// (bench/sim-heartbeat-stream.js) that reads and writes only what a simulated worker needs:
// the simulator shares the master's two cores, which real workers do not. The stream's port
// comes from the reply to one gRPC heartbeat of sim-worker-0 with no free slots, as every
// worker learns it.
//
// Three phases, one after the other, on the same master and queue, each until the tasks
// assigned reach its share of TASKS:
// - warm-up, to 20%, not measured: each worker heartbeats every second (the default
//   interval) with all its slots free, reporting the attempts of its previous heartbeat
//   SUCCEEDED, so that the master is measured warm, as one that has been up a while: V8 has
//   compiled its hot paths (its first heartbeats with assignments cost ≈ 200 µs, warm ones
//   ≈ 130–150), and the first jobs have run their reduces and committed. (With a warm-up to
//   10%, those first reduces and commits fell in the paced phase's first 0.6 s, and so did
//   its slow heartbeats: see BENCHMARKS.md.)
// - paced, to 65%: the same every BENCH_SCHED_PERIOD_MS (200 ms), which offers the master
//   WORKERS × SLOTS / period = 20,000 assignments/s, the target rate: the heartbeat
//   latency there is what a cluster assigning at that rate sees;
// - flat out, the rest: the attempts a worker gets "run" for BENCH_SCHED_TASK_MS (100 ms),
//   then it heartbeats at once to report them (as a real worker does when an attempt ends),
//   which asks for 40,000 assignments/s: the rate there is the most the master can do.
//   Every worker is then a closed loop waiting on a saturated master, so a heartbeat's
//   latency is queueing behind the other 999 (by Little's law, the mean is 1,000 workers /
//   the heartbeats answered per second − 100 ms), not the master's work.
// With nothing to do, a worker waits the interval the reply names. The jobs keep the
// defaults (speculation on), so the speculator runs as it would.
//
// Measured, per phase: map assignments per second (first to last assignment), the latency of
// every heartbeat (p50/p99/max), and the CPU the master, the simulated workers and everything
// else on the machine used meanwhile (the workers' own event-loop delay too, which would
// inflate the latencies they measure); the master's CPU per heartbeat is the figure that
// other load on a shared machine disturbs least, and the part of it on its main thread (its
// event loop, where heartbeats wait their turn) the one that sets their latency.
// BENCH_SCHED_PROFILE=DIR runs the master under
// `node --cpu-prof --cpu-prof-dir DIR`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { masterProto, splitAddress, unaryClient } = require('../../packages/common/dist');
const { DfsClient } = require('../../packages/dfs/dist');
const { SimHeartbeatStream, mismatch } = require('../sim-heartbeat-stream');
const lib = require('../lib');

const WANTED = Number(process.env.BENCH_SCHED_TASKS ?? 100_000);
const WORKERS = Number(process.env.BENCH_SCHED_WORKERS ?? 1000);
const SLOTS = Number(process.env.BENCH_SCHED_SLOTS ?? 4);
const TASK_MS = Number(process.env.BENCH_SCHED_TASK_MS ?? 100);
const PERIOD_MS = Number(process.env.BENCH_SCHED_PERIOD_MS ?? 200);
const WARM_UP_PERIOD_MS = 1000; // the default heartbeat interval
// Where each phase ends: the share of TASKS assigned by then.
const WARM_UP_ENDS = 0.2;
const PACED_ENDS = 0.65;
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

/** CPU seconds (user + system) used so far by a process or one of its threads, from its /proc stat file. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
function cpuOf(statFile) {
  const fields = fs.readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}
const processCpu = (pid) => cpuOf(`/proc/${pid}/stat`);
/** Its main thread's: its event loop, where heartbeats queue. */
const mainThreadCpu = (pid) => cpuOf(`/proc/${pid}/task/${pid}/stat`);
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
  // The cluster first: if it fails to start (it cleans up after itself), no temp dir is left behind.
  const cluster = lib.startCluster({ nodes: 1 });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-sched-'));
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

    const identity = (w) => ({ workerId: `sim-worker-${w}`, shuffleAddress: `127.0.0.1:${20000 + w}`, slots: SLOTS });
    const workerProtocol = unaryClient(masterProto().WorkerProtocol, master.address, { secret });
    const { heartbeatPort } = await workerProtocol.api.Heartbeat({ ...identity(0), freeSlots: 0, reports: [] });
    workerProtocol.close();
    if (!(heartbeatPort > 0)) throw new Error('the master named no heartbeat stream');
    const streamAddress = `${splitAddress(master.address).host}:${heartbeatPort}`;
    // Connected, and announced with no free slots, before anything is measured, CONNECTS at a
    // time: 1,000 connects at once overflow the master's listen queue (node's default backlog
    // is 511), and each dropped SYN is retried after 1 s, then 3 s, which would be the p99.
    await pool(WORKERS, CONNECTS, async (w) => {
      clients[w] = new SimHeartbeatStream(streamAddress, secret, identity(w));
      await clients[w].heartbeat(0, []);
    });

    // Each phase runs until the tasks assigned reach its share of TASKS.
    const warmUp = newPhase('warm-up', WARM_UP_PERIOD_MS, WARM_UP_ENDS);
    const paced = newPhase('paced', PERIOD_MS, PACED_ENDS);
    const flatOut = newPhase('flat out', undefined, 1);
    const phases = [warmUp, paced, flatOut];
    let phase = warmUp;
    let errors = 0;
    let done = false;
    // Each worker's sleep until its next heartbeat, cut short when the next phase begins. (Not
    // a race with one promise of the phase: each race would leave a reaction on it until the
    // phase ends, 5,000 a second.)
    const wakers = new Array(WORKERS);
    const nap = (w, ms) =>
      new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          wakers[w] = undefined;
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers[w] = wake;
      });
    const worker = async (w) => {
      let running = [];
      let current; // the phase this worker's schedule follows
      let nextSend = 0;
      while (!done) {
        if (current !== phase) {
          // A new phase: the workers' heartbeats spread over one period (flat out: at once).
          current = phase;
          nextSend = performance.now() + (current.periodMs ?? 0) * (w / WORKERS);
        }
        const wait = nextSend - performance.now();
        if (wait > 0) {
          await nap(w, wait);
          continue;
        }
        const stats = current;
        const t0 = performance.now();
        let reply;
        try {
          reply = await clients[w].heartbeat(SLOTS, running);
        } catch (err) {
          errors++;
          if (errors < 5) process.stderr.write(`heartbeat failed: ${err.message}\n`);
          clients[w] = new SimHeartbeatStream(streamAddress, secret, identity(w));
          nextSend = performance.now() + 1000;
          continue;
        }
        const now = performance.now();
        stats.latencies.push(now - t0);
        running = reply.assignments; // reported SUCCEEDED by the next heartbeat
        let maps = 0;
        for (const a of running) if (a.map) maps++;
        if (maps > 0) {
          if (stats.assigned === 0) stats.firstAssign = now;
          stats.assigned += maps;
          stats.lastAssign = now;
        }
        if (stats.periodMs !== undefined) {
          // A late reply pushes the schedule back rather than bunching the heartbeats after it.
          nextSend = Math.max(nextSend + stats.periodMs, now);
        } else {
          nextSend = now + (running.length > 0 ? TASK_MS : reply.intervalMs || 1000);
        }
      }
    };
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const snapshot = () => ({ master: processCpu(master.child.pid), masterMain: mainThreadCpu(master.child.pid), workers: selfCpu(), machine: machineCpu(), at: performance.now() });
    const endPhase = (stats) => {
      stats.end = snapshot();
      stats.loopDelayP99 = loopDelay.percentile(99) / 1e6;
      loopDelay.reset();
      process.stdout.write(`  ${stats.name}: ${stats.assigned} maps assigned, ${stats.latencies.length} heartbeats\n`);
    };
    warmUp.start = snapshot();
    loopDelay.enable();
    const running = Array.from({ length: WORKERS }, (_, w) => worker(w));
    const deadline = performance.now() + Number(process.env.BENCH_SCHED_SECONDS ?? 300) * 1000;
    const assignedSoFar = () => phases.reduce((sum, p) => sum + p.assigned, 0);
    while (performance.now() < deadline) {
      await sleep(20);
      if (mismatch()) {
        done = true;
        throw mismatch();
      }
      if (assignedSoFar() < phase.share * TASKS) continue;
      endPhase(phase);
      if (phase === flatOut) break;
      const next = phases[phases.indexOf(phase) + 1];
      next.start = phase.end;
      phase = next;
      for (const wake of wakers) wake?.();
    }
    if (!flatOut.end) throw new Error(`not every task was assigned within BENCH_SCHED_SECONDS: ${assignedSoFar()} of ${TASKS}`);
    loopDelay.disable();
    done = true;
    await Promise.all(running);
    result = { write: write.seconds, submit: submit.seconds, errors, paced: summarize(paced), flatOut: summarize(flatOut) };
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
  const cpuLine = (name, p) =>
    `CPU ${name}, over its ${lib.fmt(p.cpu.wall)}: the master ${p.cpu.master.toFixed(1)} s (${(p.cpu.master / p.cpu.wall).toFixed(2)} cores), ` +
    `${Math.round((p.cpu.master * 1e6) / p.heartbeats)} µs per heartbeat, ${Math.round((p.cpu.masterMain * 1e6) / p.heartbeats)} of them on its main thread; the simulated workers ${(p.cpu.workers / p.cpu.wall).toFixed(2)} cores ` +
    `(their event-loop delay p99 ${p.loopDelayP99.toFixed(1)} ms), everything else ${(p.cpu.others / p.cpu.wall).toFixed(2)} cores, of ${os.cpus().length}.`;
  const rate = (p) => `${Math.round(p.rate).toLocaleString('en')}/s (${p.assigned.toLocaleString('en')} in ${lib.fmt(p.span)})`;
  const latency = (p) => `${p.p99.toFixed(1)} ms (p50 ${p.p50.toFixed(1)} ms, max ${p.max.toFixed(0)} ms; ${p.heartbeats.toLocaleString('en')} heartbeats)`;
  return [
    `The master alone (own process) with ${TASKS.toLocaleString('en')} map tasks queued in its store (${JOBS} jobs, each reading the same ${BLOCKS.toLocaleString('en')} blocks of 64 KiB in ${FILES} files ` +
      `on a 1-datanode cluster: writing them took ${lib.fmt(r.write)}, submitting the jobs ${lib.fmt(r.submit)}), --locality-delay 0, and ${WORKERS.toLocaleString('en')} simulated workers ` +
      `(each its own connection to the master's heartbeat stream, from the bench process, ${SLOTS} slots each). ` +
      `After a warm-up (the first ${WARM_UP_ENDS * 100}% of the tasks, each worker heartbeating every ${WARM_UP_PERIOD_MS} ms; not measured): ` +
      `paced, to ${PACED_ENDS * 100}% of the tasks, each worker heartbeats every ${PERIOD_MS} ms, reporting the attempts of its previous heartbeat done (${Math.round((WORKERS * SLOTS * 1000) / PERIOD_MS).toLocaleString('en')} assignments/s offered); ` +
      `flat out, the rest, an attempt runs ${TASK_MS} ms, then its worker heartbeats at once to report it (more than the master can take: latency there is queueing).`,
    '',
    lib.ratioTable(
      ['what', 'measured', 'target', ''],
      [
        ['map assignments per second, flat out (first to last assignment)', rate(r.flatOut), '≥ 20,000/s', r.flatOut.rate >= 20000 ? 'met' : 'NOT met'],
        ['heartbeat latency p99, paced', latency(r.paced), '< 50 ms', r.paced.p99 < 50 ? 'met' : 'NOT met'],
        ['map assignments per second, paced', rate(r.paced), '', ''],
        ['heartbeat latency p99, flat out', latency(r.flatOut), '', ''],
      ],
    ),
    '',
    cpuLine('paced', r.paced),
    cpuLine('flat out', r.flatOut),
    r.errors ? `\n${r.errors} heartbeats failed.` : '',
  ].join('\n');
};

/**
 * One phase's counts, filled in by the simulated workers as it runs: workers heartbeat every
 * periodMs (undefined: as their attempts end) until the tasks assigned reach `share` of TASKS.
 */
function newPhase(name, periodMs, share) {
  return { name, periodMs, share, assigned: 0, firstAssign: 0, lastAssign: 0, latencies: [], start: undefined, end: undefined, loopDelayP99: 0 };
}

function summarize(p) {
  const sorted = [...p.latencies].sort((a, b) => a - b);
  const cpu = { wall: (p.end.at - p.start.at) / 1000, master: p.end.master - p.start.master, masterMain: p.end.masterMain - p.start.masterMain, workers: p.end.workers - p.start.workers };
  cpu.others = Math.max(0, p.end.machine - p.start.machine - cpu.master - cpu.workers);
  return {
    assigned: p.assigned,
    span: (p.lastAssign - p.firstAssign) / 1000,
    rate: p.assigned / ((p.lastAssign - p.firstAssign) / 1000),
    heartbeats: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    cpu,
    loopDelayP99: p.loopDelayP99,
  };
}
