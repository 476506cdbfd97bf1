// A deterministic generator of Apache combined-format access logs, with the true answer of
// the unique-users job. Same options, same bytes, on any machine.
//
//   node examples/dist/unique-users/generate-logs.js --bytes 256MB --users 100000 \
//     --month 2026-11 --seed 1 --out access.log      # prints the truth as JSON on stdout
//
// The log mixes: lines of the month (~80%), of the months around it and of the same month
// a year earlier (~18%), malformed lines (~2%: empty, garbage, truncated, a bad month
// name); authenticated users (their own name, behind changing and shared addresses) and
// anonymous ones (a fixed address each); quoted requests and agents with escaped quotes,
// "-" byte counts, long user agents. It imports nothing from tsmr, so it runs from plain
// compiled JS.
import { closeSync, openSync, writeSync } from 'node:fs';

export interface LogOptions {
  /** Stop once at least this many bytes are written. */
  bytes: number;
  /** Size of the user population; not all of them need show up. */
  users: number;
  /** The month most lines fall in, YYYY-MM. */
  month: string;
  seed: number;
}

export interface LogTruth {
  month: string;
  /** Distinct users (by the job's rule) with at least one well-formed line in `month`. */
  uniqueUsers: number;
  lines: number;
  bytes: number;
  monthLines: number;
  otherMonthLines: number;
  badLines: number;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES = ['+0000', '-0700', '+0530'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'HEAD'];
const PATHS = ['/', '/index.html', '/blog/', '/images/logo.png', '/api/v1/items', '/search', '/style.css'];
const STATUSES = [200, 200, 200, 200, 304, 301, 404, 500];
const REFERERS = ['-', 'https://www.google.com/', 'https://example.com/blog/post?id=7'];
const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.77 Safari/537.36 ' +
    'Edg/120.0.0.0 OPR/105.0.0.0 (compatible; a very long agent string that keeps going with extras)',
  'curl/8.4.0',
  'Bot \\"quoted\\" crawler/1.0 (+https://example.com/bot)',
  '-',
];
const FLUSH_CHARS = 1 << 20;

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Anonymous user i's fixed address (distinct for i < 2^24). */
function addressOf(i: number): string {
  return `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
}

/**
 * Writes log lines (in chunks of whole lines, each ending "\n") to `write` until
 * `options.bytes` are written, and returns the truth about them.
 */
export function generateLogs(options: LogOptions, write: (chunk: string) => void): LogTruth {
  const match = /^(\d{4})-(\d{2})$/.exec(options.month);
  const monthIndex = match === null ? -1 : Number(match[2]) - 1;
  if (match === null || monthIndex < 0 || monthIndex > 11) throw new Error(`month must be YYYY-MM, got ${options.month}`);
  if (!(options.users >= 1)) throw new Error('users must be at least 1');
  const year = Number(match[1]);
  const rand = prng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const seen = new Uint8Array(options.users);
  const truth: LogTruth = { month: options.month, uniqueUsers: 0, lines: 0, bytes: 0, monthLines: 0, otherMonthLines: 0, badLines: 0 };

  // [year, monthIndex] of a line: mostly the month, else its neighbours or a year before.
  const otherMonths: Array<[number, number]> = [
    monthIndex === 0 ? [year - 1, 11] : [year, monthIndex - 1],
    monthIndex === 11 ? [year + 1, 0] : [year, monthIndex + 1],
    [year - 1, monthIndex],
  ];

  function timestamp(y: number, m: number, monthName: string): string {
    const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const day = 1 + Math.floor(rand() * days);
    const time = `${pad2(Math.floor(rand() * 24))}:${pad2(Math.floor(rand() * 60))}:${pad2(Math.floor(rand() * 60))}`;
    return `[${pad2(day)}/${monthName}/${y}:${time} ${pick(ZONES)}]`;
  }

  function request(): string {
    const path = rand() < 0.05 ? '/search?q=\\"exact phrase\\"' : `${pick(PATHS)}${rand() < 0.3 ? `?id=${Math.floor(rand() * 1e6)}` : ''}`;
    return `"${pick(METHODS)} ${path} HTTP/1.1"`;
  }

  /** A well-formed line of user i at the given month. */
  function line(i: number, y: number, m: number, monthName: string): string {
    const authenticated = i % 4 === 0;
    // Authenticated users move around, sometimes behind another user's address.
    const host = authenticated ? addressOf(Math.floor(rand() * options.users)) : addressOf(i);
    const user = authenticated ? `user${i}` : '-';
    const bytes = rand() < 0.1 ? '-' : String(Math.floor(rand() * 50000));
    return `${host} - ${user} ${timestamp(y, m, monthName)} ${request()} ${pick(STATUSES)} ${bytes} "${pick(REFERERS)}" "${pick(AGENTS)}"`;
  }

  function malformed(): string {
    switch (Math.floor(rand() * 4)) {
      case 0:
        return '';
      case 1:
        return `garbage ${Math.floor(rand() * 1e9).toString(36)} no timestamp here`;
      case 2: {
        // Cut before the timestamp's closing `] "`: the line cannot be parsed.
        const full = line(0, year, monthIndex, MONTH_NAMES[monthIndex] as string);
        return full.slice(0, Math.floor(rand() * (full.indexOf('] "') + 2)));
      }
      default:
        return line(1, year, monthIndex, 'Foo');
    }
  }

  let chunk = '';
  while (truth.bytes < options.bytes) {
    // Skewed toward low ids: some users are frequent, some rare or absent.
    const i = Math.floor(options.users * rand() ** 2);
    const kind = rand();
    let text: string;
    if (kind < 0.02) {
      text = malformed();
      truth.badLines++;
    } else if (kind < 0.2) {
      const [y, m] = pick(otherMonths);
      text = line(i, y, m, MONTH_NAMES[m] as string);
      truth.otherMonthLines++;
    } else {
      text = line(i, year, monthIndex, MONTH_NAMES[monthIndex] as string);
      truth.monthLines++;
      if (seen[i] === 0) {
        seen[i] = 1;
        truth.uniqueUsers++;
      }
    }
    chunk += text + '\n';
    truth.lines++;
    truth.bytes += Buffer.byteLength(text) + 1;
    if (chunk.length >= FLUSH_CHARS) {
      write(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') write(chunk);
  return truth;
}

/** "256MB", "64k", "1GiB" or a plain number of bytes; units are powers of 1024. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (m === null) throw new Error(`not a size: ${text}`);
  const power = ' kmgt'.indexOf((m[2] ?? '').toLowerCase() || ' ');
  return Math.floor(Number(m[1]) * 1024 ** power);
}

function main(argv: string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] ?? '';
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined) throw new Error(`expected --name value pairs, got ${argv.join(' ')}`);
    args.set(name.slice(2), value);
  }
  const out = args.get('out');
  if (out === undefined) {
    throw new Error('usage: generate-logs --out FILE [--bytes 256MB] [--users 100000] [--month 2026-11] [--seed 1]');
  }
  const fd = openSync(out, 'w');
  try {
    const truth = generateLogs(
      {
        bytes: parseSize(args.get('bytes') ?? '256MB'),
        users: Number(args.get('users') ?? 100000),
        month: args.get('month') ?? '2026-11',
        seed: Number(args.get('seed') ?? 1),
      },
      (chunk) => writeSync(fd, chunk),
    );
    process.stdout.write(`${JSON.stringify(truth)}\n`);
  } finally {
    closeSync(fd);
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate-logs: ${(err as Error).message}\n`);
    process.exitCode = 2;
  }
}
