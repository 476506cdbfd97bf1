// Daemon options are validated once, by their zod schema, at start.
import type { z } from 'zod';
import { InvalidArgumentError } from './errors';

/** The parsed config, or one INVALID_ARGUMENT naming each bad option. */
export function parseOptions<Config, Options>(schema: z.ZodType<Config, Options>, options: Options, daemon: string): Config {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
  throw new InvalidArgumentError(`invalid ${daemon} options: ${problems.join('; ')}`);
}
