// A SubmitJob request checked field by field, before anything touches the DFS or the
// database: a bad one is refused with INVALID_ARGUMENT naming the field.
import { InvalidArgumentError, MAX_MESSAGE_BYTES, type SubmitJobRequest__Output } from '@tsmr/common';
import { isWithin, normalizePath } from '@tsmr/dfs';
import { z } from 'zod';

export const MAX_REDUCERS = 10_000;
export const MAX_BUNDLE_BYTES = MAX_MESSAGE_BYTES;

export interface Submission {
  name: string;
  submitter: string;
  /** Normalized DFS paths. */
  inputs: string[];
  output: string;
  reducers: number;
  params: Record<string, string>;
  /** Attempts per task that may fail (the master's default when the spec says 0). */
  maxAttempts: number;
  /** Backup attempts of stragglers allowed (the spec's no_speculation unset). */
  speculative: boolean;
  /** Skip mode: failures on one map record after which it is skipped; 0: off. */
  skipBadRecords: number;
  /** Replication of the output's part files; 0: the DFS default. */
  outputReplication: number;
  bundle: Buffer;
}

const dfsPath = z.string().transform((value, ctx) => {
  try {
    return normalizePath(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const requestSchema = z.object({
  spec: z.object(
    {
      name: z.string().max(200, 'at most 200 characters'),
      inputs: z.array(dfsPath).min(1, 'give at least one input path'),
      output: z.string().min(1, 'give an output directory').pipe(dfsPath),
      reducers: z.number().int('must be an integer').min(0, 'must be ≥ 0').max(MAX_REDUCERS, `must be ≤ ${MAX_REDUCERS}`),
      params: z.record(z.string(), z.string()),
      maxAttempts: z.number().int('must be an integer').min(0, 'must be ≥ 0').max(100, 'must be ≤ 100'),
      noSpeculation: z.boolean(),
      skipBadRecords: z.number().int('must be an integer').min(0, 'must be ≥ 0').max(100, 'must be ≤ 100'),
      outputReplication: z.number().int('must be an integer').min(0, 'must be ≥ 0 (0: the DFS default)').max(512, 'must be ≤ 512'),
    },
    { error: 'missing' },
  ),
  bundle: z
    .instanceof(Buffer)
    .refine((b) => b.length > 0, 'empty (send the job bundled as one CommonJS module)')
    .refine((b) => b.length <= MAX_BUNDLE_BYTES, `larger than ${MAX_BUNDLE_BYTES / 2 ** 20} MiB`),
  submitter: z.string(),
});

/** The request as a Submission, or INVALID_ARGUMENT naming the first bad field. */
export function parseSubmission(request: SubmitJobRequest__Output, defaultMaxAttempts: number): Submission {
  const result = requestSchema.safeParse(request);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidArgumentError(issue ? `${fieldName(issue.path)}: ${issue.message}` : 'invalid job submission');
  }
  const { spec, bundle, submitter } = result.data;
  for (const input of spec.inputs) {
    if (isWithin(spec.output, input)) throw new InvalidArgumentError(`spec.output: ${spec.output} lies inside the input ${input}`);
  }
  return {
    name: spec.name,
    submitter,
    inputs: spec.inputs,
    output: spec.output,
    reducers: spec.reducers,
    params: spec.params,
    maxAttempts: spec.maxAttempts || defaultMaxAttempts,
    speculative: !spec.noSpeculation,
    skipBadRecords: spec.skipBadRecords,
    outputReplication: spec.outputReplication,
    bundle,
  };
}

/** A zod path as the proto names the field: spec.max_attempts, spec.inputs[1]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`))
    .join('')
    .replace(/^\./, '') || 'request';
}

