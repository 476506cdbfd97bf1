// Monthly unique users over Apache combined-format access logs:
//   host ident authuser [dd/Mon/yyyy:hh:mm:ss zone] "request" status bytes "referer" "agent"
// A user is the authenticated-user field when it is not "-", else the client address
// (host). The month is the one written in the timestamp (the server's local time).
// Output: one record per user seen in `month`, user → hits. Counters: `unique-users` (the
// answer: one per output record), `other-months` (well-formed lines of another month),
// `bad-lines` (lines that do not parse; counted, never thrown).
//
// Built for speed: one pass of indexOf over the head of each line (no regex), the rest of
// the line is never looked at. The combiner collapses each map task's hits to one record
// per user before the shuffle where users come back within a map; where most of a map's
// users are seen once (a month of a big site), the engine skips it (see combinerPays).
import { defineJob, type MapContext } from '@tsmr/sdk';

const params = { month: '2026-11' };

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SLASH = 0x2f;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;

// "2026-11" → "Nov/2026", the month as a log timestamp writes it; computed once per month.
let token: { month: string; text: string } | undefined;
function monthToken(month: string): string {
  if (token?.month !== month) {
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    const name = m === null ? undefined : MONTH_NAMES[Number(m[2]) - 1];
    if (m === null || name === undefined) throw new Error(`param month must be YYYY-MM, got ${JSON.stringify(month)}`);
    token = { month, text: `${name}/${m[1]}` };
  }
  return token.text;
}

function sum(hits: number[]): number {
  let total = 0;
  for (const h of hits) total += h;
  return total;
}

export default defineJob({
  name: 'monthly-unique-users',
  params,
  map(line, ctx: MapContext<string, number, typeof params>) {
    const sp1 = line.indexOf(' ');
    const sp2 = sp1 > 0 ? line.indexOf(' ', sp1 + 1) : -1;
    const sp3 = sp2 > 0 ? line.indexOf(' ', sp2 + 1) : -1;
    const ts = sp3 + 1; // the "[" of "[dd/Mon/yyyy:"
    if (
      sp3 <= sp2 + 1 ||
      line.charCodeAt(ts) !== OPEN_BRACKET ||
      line.charCodeAt(ts + 3) !== SLASH ||
      line.charCodeAt(ts + 7) !== SLASH ||
      line.charCodeAt(ts + 12) !== COLON ||
      line.indexOf('] "', ts + 13) === -1
    ) {
      ctx.counter('bad-lines').increment();
      return;
    }
    if (!line.startsWith(monthToken(ctx.params.month), ts + 4)) {
      // Only lines of other months pay for checking the month name.
      const name = line.slice(ts + 4, ts + 7);
      ctx.counter(MONTH_NAMES.includes(name) ? 'other-months' : 'bad-lines').increment();
      return;
    }
    const authUser = line.slice(sp2 + 1, sp3);
    ctx.emit(authUser === '-' ? line.slice(0, sp1) : authUser, 1);
  },
  combine(user, hits, ctx) {
    ctx.emit(user, sum(hits));
  },
  reduce(user, hits, ctx) {
    ctx.counter('unique-users').increment();
    ctx.emit(user, sum(hits));
  },
});
