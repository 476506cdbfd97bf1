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
