// Turns a job's TypeScript into the one CommonJS module the cluster runs, and checks it
// here first, so a job that cannot run is refused before anything is submitted.
import { build, type Message } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, NotFoundError } from '@tsmr/common';
import { resolveParams, validateJob, type AnyJob } from '@tsmr/sdk';

export interface JobBundle {
  code: Buffer;
  job: AnyJob;
  params: Record<string, unknown>;
}

function describeBuildError(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : '';
  return `${where}error: ${message.text}`;
}

/** esbuild output: the job and the SDK in one module, with an inline source map for stacks. */
export async function bundleJob(file: string): Promise<Buffer> {
  if (!fs.existsSync(file)) throw new NotFoundError(`job file ${file} does not exist`);
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      write: false,
      logLevel: 'silent',
    });
    return Buffer.from(result.outputFiles[0]!.contents);
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (!errors?.length) throw err;
    throw new InvalidArgumentError(`${file} does not compile:\n${errors.map(describeBuildError).join('\n')}`);
  }
}

/** Loads the bundle as a worker will and checks the job and its params. */
export function checkBundle(code: Buffer, file: string, overrides: Record<string, string>): JobBundle {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-job-'));
  try {
    const modulePath = path.join(temp, 'job.js');
    fs.writeFileSync(modulePath, code);
    try {
      // defineJob validates as the module loads, so a bad job may already throw here.
      const loaded = require(modulePath) as { default?: unknown };
      const exported = loaded.default ?? loaded;
      validateJob(exported);
      const job = exported as AnyJob;
      return { code, job, params: resolveParams(job.params ?? {}, overrides) };
    } catch (err) {
      throw new InvalidArgumentError(`${file}: ${(err as Error).message}`);
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
