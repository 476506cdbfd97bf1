// A worker: the shuffle stream, the task thread pool and the heartbeat loop, wired
// together. It pulls attempts from the master by heartbeat, runs them, and serves its
// maps' output to reducers.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FrameStreamServer, createLogger, masterProto, unaryClient, type Logger } from '@tsmr/common';
import { DfsClient } from '@tsmr/dfs';
import { AttemptTracker } from './attempt-tracker';
import { parseWorkerOptions, type WorkerOptions } from './config';
import { HeartbeatLoop } from './heartbeat-loop';
import { Janitor } from './janitor';
import { JobCache } from './job-cache';
import { MasterHeartbeat } from './master-heartbeat';
import { ShuffleFetcher } from './shuffle-fetcher';
import { SHUFFLE_STREAM, servePartition, shuffleRequestSchema } from './shuffle-service';
import { SplitBuffers } from './split-buffers';
import { TaskLauncher } from './task-launcher';
import { TaskRunner } from './task-runner';
import { WorkDir } from './work-dir';

/** Shuffle fetches still running at stop() get this long before they are cut. */
const STOP_GRACE_MS = 1000;

export interface Worker {
  /** host:port of its shuffle stream. */
  readonly address: string;
  readonly workerId: string;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions, log: Logger = createLogger('worker')): Promise<Worker> {
  const config = parseWorkerOptions(options);
  const workDir = new WorkDir(path.resolve(config.dir));
  await fs.mkdir(workDir.root, { recursive: true });
  // Scratch of attempts a previous process was running: nobody will finish them.
  await fs.rm(workDir.scratchRoot(), { recursive: true, force: true });
  const workerId = await loadWorkerId(workDir);
  log = log.child({ workerId });

  const master = unaryClient(masterProto().WorkerProtocol, config.master, { secret: config.secret });
  const dfs = new DfsClient({ namenode: config.namenode, secret: config.secret, localDatanodeId: config.datanodeId, log });
  const runner = new TaskRunner({ slots: config.slots, taskTimeoutMs: config.taskTimeoutMs, taskMemoryBytes: config.taskMemoryBytes });
  const jobs = new JobCache(workDir, (request) => master.api.GetJobBundle(request), (bundle) => runner.describe(bundle));
  const fetcher = new ShuffleFetcher({ secret: config.secret, shuffleBufferBytes: config.shuffleBufferBytes });
  const launcher = new TaskLauncher({
    workDir,
    jobs,
    runner,
    dfs,
    fetcher,
    splitBuffers: new SplitBuffers(config.slots),
    sortBufferBytes: config.sortBufferBytes,
    mergeFactor: config.mergeFactor,
    taskDelayMs: config.taskDelayMs,
    log,
  });

  const server = new FrameStreamServer({
    name: SHUFFLE_STREAM,
    host: config.host,
    port: config.port,
    secret: config.secret,
    log,
    schema: shuffleRequestSchema,
    serve: (request, sink) => servePartition(workDir, request, sink),
  });
  let address: string;
  try {
    address = await server.start();
  } catch (err) {
    await runner.stop();
    master.close();
    dfs.close();
    throw err;
  }

  const tracker: AttemptTracker = new AttemptTracker(
    (assignment, signal) => launcher.run(assignment, signal),
    () => loop.now(),
  );
  const heartbeats = new MasterHeartbeat({ master: config.master, secret: config.secret, grpc: (request) => master.api.Heartbeat(request), log });
  const loop: HeartbeatLoop = new HeartbeatLoop({
    heartbeat: (request) => heartbeats.heartbeat(request),
    tracker,
    identity: { workerId, shuffleAddress: address, datanodeId: config.datanodeId ?? '', slots: config.slots },
    assign: (assignment) => tracker.launch(assignment),
    kill: (attemptId) => {
      log.info({ attemptId }, 'attempt killed');
      void tracker
        .kill(attemptId)
        .then(() => launcher.removeMapOutput(attemptId))
        .catch((err: unknown) => log.warn({ err, attemptId }, 'could not remove a killed attempt’s output'));
    },
    log,
  });
  const janitor = new Janitor({ workDir, heldJobs: () => tracker.jobs(), forgetJob: (jobId) => jobs.forget(jobId), log });
  loop.start();
  janitor.start();
  void janitor.sweep();
  log.info({ address, dir: workDir.root, master: config.master, slots: config.slots }, 'worker started');

  return {
    address,
    workerId,
    async stop() {
      await loop.stop();
      heartbeats.close();
      await Promise.all([tracker.stopAll(), janitor.stop(), server.stop(STOP_GRACE_MS)]);
      await runner.stop();
      master.close();
      dfs.close();
      log.info('worker stopped');
    },
  };
}

/** The worker's id, kept in its work dir so a restarted worker keeps its name. */
async function loadWorkerId(workDir: WorkDir): Promise<string> {
  const file = workDir.workerIdFile();
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const id = `worker-${os.hostname()}-${randomUUID().slice(0, 8)}`;
  await fs.writeFile(file, `${id}\n`);
  return id;
}
