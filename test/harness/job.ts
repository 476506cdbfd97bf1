// Running jobs on a TestCluster and reading their output back.
import { parseTextOutput } from '../../packages/sdk/src';
import type { TestCluster } from './cluster';

export interface SubmitResult {
  code: number;
  stderr: string;
  status: {
    jobId: string;
    state: string;
    counters: Record<string, number>;
    error?: { message: string; stack: string; taskId: string };
  };
}

/** `tsmr job submit ... --wait --json`; the status is the job's final status. */
export async function submitAndWait(cluster: TestCluster, job: string, args: string[]): Promise<SubmitResult> {
  const result = await cluster.tsmr(['job', 'submit', job, ...args, '--wait', '--json']);
  let status;
  try {
    status = JSON.parse(result.stdout.toString());
  } catch {
    throw new Error(`job submit printed no status (exit ${result.code}): ${result.stderr}`);
  }
  return { code: result.code, stderr: result.stderr, status };
}

/** The text of every part file of an output dir, by name (part-r-00000 ...). */
export async function readParts(cluster: TestCluster, output: string): Promise<Map<string, string>> {
  const client = cluster.client();
  const parts = new Map<string, string>();
  for (const entry of await client.list(output)) {
    const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
    if (name.startsWith('part-')) parts.set(name, (await client.readFile(entry.path)).toString('utf8'));
  }
  return parts;
}

export function parseParts(parts: Map<string, string>): Array<[unknown, unknown]> {
  return [...parts.values()].flatMap((text) => parseTextOutput(text) as Array<[unknown, unknown]>);
}

export interface JobStatusJson {
  jobId: string;
  state: string;
  mapsDone: number;
  mapsTotal: number;
  reducesDone: number;
  reducesTotal: number;
  counters: Record<string, number>;
}

export interface AttemptJson {
  attemptId: string;
  taskId: string;
  type: 'MAP' | 'REDUCE';
  state: string;
  workerId: string;
  committed: boolean;
  /** Why a failed attempt failed ('' otherwise). */
  error: string;
}

/** `tsmr job submit` without --wait: the job id. */
export async function submit(cluster: TestCluster, job: string, args: string[]): Promise<string> {
  const result = await cluster.tsmr(['job', 'submit', job, ...args, '--json']);
  if (result.code !== 0) throw new Error(`submit failed: ${result.stderr}`);
  return JSON.parse(result.stdout.toString()).jobId;
}

const apis = new WeakMap<TestCluster, ReturnType<TestCluster['jobApi']>>();

function api(cluster: TestCluster): ReturnType<TestCluster['jobApi']> {
  let existing = apis.get(cluster);
  if (!existing) apis.set(cluster, (existing = cluster.jobApi()));
  return existing;
}

/** The job's status, straight from the master (the CLI's `job status` is tested elsewhere). */
export async function jobStatus(cluster: TestCluster, jobId: string): Promise<JobStatusJson> {
  return (await api(cluster).GetJobStatus({ jobId })) as unknown as JobStatusJson;
}

export async function jobAttempts(cluster: TestCluster, jobId: string): Promise<AttemptJson[]> {
  return (await api(cluster).GetJobHistory({ jobId })).attempts as unknown as AttemptJson[];
}

/** Polls until the job has ended (any final state). */
export async function waitForJob(cluster: TestCluster, jobId: string, timeoutMs = 120_000): Promise<JobStatusJson> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const status = await jobStatus(cluster, jobId).catch(() => undefined); // the master may be restarting
    if (status && ['SUCCEEDED', 'FAILED', 'KILLED'].includes(status.state)) return status;
    if (Date.now() > giveUpAt) throw new Error(`job ${jobId} not finished after ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The job's output holds exactly one whole part file per reduce task (equal to the
 * oracle's partition), _SUCCESS, and nothing else; each task has exactly one committed
 * attempt.
 */
export async function expectExactlyOnceOutput(cluster: TestCluster, jobId: string, output: string, oracle: string[]): Promise<void> {
  const names = (await cluster.client().list(output)).map((e) => e.path.slice(output.length + 1)).sort();
  const parts = oracle.map((_, i) => `part-r-${String(i).padStart(5, '0')}`);
  expect(names).toEqual(['_SUCCESS', ...parts].sort());
  const texts = await readParts(cluster, output);
  oracle.forEach((text, i) => expect(texts.get(parts[i]!)).toBe(text));
  const attempts = await jobAttempts(cluster, jobId);
  const committed = new Map<string, number>();
  for (const a of attempts) if (a.committed) committed.set(a.taskId, (committed.get(a.taskId) ?? 0) + 1);
  const tasks = new Set(attempts.map((a) => a.taskId));
  for (const task of tasks) expect([task, committed.get(task)]).toEqual([task, 1]);
}

export interface Watched {
  /** Part file name → the texts read from it. */
  seen: Map<string, Set<string>>;
  /** Listings that showed _SUCCESS. */
  successListings: number;
  /** Listings that showed _SUCCESS without every part file. */
  earlySuccess: string[][];
}

/**
 * Lists `output` and reads every part file in it, over and over until stopped (then once
 * more): what a reader of the output dir sees while the job runs and just after. Stop it
 * also when the job fails, or it polls forever.
 */
export function watchOutput(cluster: TestCluster, output: string, reducers: number): { stop(): Promise<Watched> } {
  const watched: Watched = { seen: new Map(), successListings: 0, earlySuccess: [] };
  const parts = Array.from({ length: reducers }, (_, i) => `part-r-${String(i).padStart(5, '0')}`);
  let stopped = false;
  const client = cluster.client();
  const look = async () => {
    const names = (await client.list(output).catch(() => [])).map((e) => e.path.slice(output.length + 1));
    if (names.includes('_SUCCESS')) {
      watched.successListings++;
      if (!parts.every((p) => names.includes(p))) watched.earlySuccess.push(names);
    }
    for (const name of names) {
      if (!name.startsWith('part-')) continue;
      const text = (await client.readFile(`${output}/${name}`)).toString('utf8');
      watched.seen.set(name, (watched.seen.get(name) ?? new Set()).add(text));
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await look();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await look();
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return watched;
    },
  };
}

/**
 * A reader listing the output while the job ran only ever saw whole part files (each equal
 * to the oracle's), and _SUCCESS only beside every part file; it saw _SUCCESS at least once
 * (its last look is after the job ended).
 */
export function expectWholeOutputSeen(watched: Watched, oracle: string[]): void {
  for (const [name, texts] of watched.seen) {
    for (const text of texts) expect([name, text]).toEqual([name, oracle[Number(name.slice(-5))]]);
  }
  expect(watched.successListings).toBeGreaterThan(0);
  expect(watched.earlySuccess).toEqual([]);
}
