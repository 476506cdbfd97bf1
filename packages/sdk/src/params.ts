// Job params: the job declares defaults, `--param name=value` overrides them. Each override
// is a string parsed as the type of its default, so the job sees the types it declared.
import { InvalidParamError } from './errors';
import type { Json } from './values';

/** A job's params: names to JSON values. Their defaults' types are the params' types. */
export type Params = { readonly [name: string]: Json };

/** Overrides `defaults` with `overrides` (strings from the command line), typed by the defaults. */
export function resolveParams<P extends Params>(defaults: P, overrides: Readonly<Record<string, string>>): P {
  const resolved: Record<string, Json> = { ...defaults };
  for (const [name, text] of Object.entries(overrides)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, name)) {
      const known = Object.keys(defaults);
      const list = known.length === 0 ? 'this job declares no params' : `known params: ${known.join(', ')}`;
      throw new InvalidParamError(`unknown param "${name}"; ${list}`);
    }
    resolved[name] = parseAs(name, defaults[name] as Json, text);
  }
  return resolved as P;
}

function parseAs(name: string, def: Json, text: string): Json {
  const wrong = (expected: string): InvalidParamError =>
    new InvalidParamError(`param "${name}" expects ${expected}, got ${JSON.stringify(text)}`);
  switch (typeof def) {
    case 'string':
      return text;
    case 'number': {
      const n = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(n)) throw wrong('a number');
      return n;
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw wrong('a boolean (true or false)');
  }
  // null, arrays and objects: the override is JSON, of the same kind as the default.
  const expected = def === null ? 'JSON' : Array.isArray(def) ? 'a JSON array' : 'a JSON object';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw wrong(expected);
  }
  if (Array.isArray(def) && !Array.isArray(parsed)) throw wrong(expected);
  if (def !== null && !Array.isArray(def)) {
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw wrong(expected);
  }
  return parsed as Json;
}
