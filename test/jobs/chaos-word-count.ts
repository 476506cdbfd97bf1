// Word count that misbehaves: in a call to map or reduce it may exit its thread, throw, or
// stall (param stallMs). Without faults its output equals examples/word-count's.
//
// The faults come from the seed alone (param seed; no Math.random): every thread that loads
// the job draws from its own xorshift stream, stream k = f(seed, k), where k numbers the
// threads in the order they loaded the job (claimed as files in param chaosDir, a local
// directory every worker of a test cluster shares; without one, k is the thread id). So a
// retry, on a new thread or a used one, does not replay the fault that ended its previous
// attempt, and a run with the same seed draws the same faults in each thread.
//
// Each fault is appended to chaosDir/faults.log ("<kind> <map|reduce> stream=<k> call=<n>")
// before it happens, so a test can tell every kind really happened. With param
// forceEachKind, the first reduce calls of the job (anywhere: claimed in chaosDir) also
// inject one fault of each kind, in an order the seed picks: each run then meets all three.
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { defineJob, type MapContext } from '@tsmr/sdk';

const params = { seed: 1, mapFaultOdds: 0, reduceFaultOdds: 0, stallMs: 1500, chaosDir: '', forceEachKind: false };
type Params = typeof params;
type Kind = 'exit' | 'throw' | 'stall';

const KINDS: Kind[] = ['exit', 'throw', 'stall'];
const pause = new Int32Array(new SharedArrayBuffer(4));
let stream = -1;
let state = 0;
let calls = 0;
let forcedDone = false;

/** A 32-bit hash of (a, b), never 0 (xorshift's one bad state). */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul((b + 0x9e3779b9) | 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** Creates chaosDir/name if no one has: true for exactly one caller across all workers. */
function claim(dir: string, name: string): boolean {
  try {
    fs.closeSync(fs.openSync(path.join(dir, name), 'wx'));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function random(p: Params): number {
  if (stream < 0) {
    if (p.chaosDir === '') stream = threadId;
    else for (stream = 0; !claim(p.chaosDir, `stream-${stream}`); stream++);
    state = mix(p.seed, stream);
  }
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
}

function inject(kind: Kind, phase: 'map' | 'reduce', p: Params): void {
  if (p.chaosDir !== '') fs.appendFileSync(path.join(p.chaosDir, 'faults.log'), `${kind} ${phase} stream=${stream} call=${calls}\n`);
  if (kind === 'exit') process.exit(17);
  if (kind === 'throw') throw new Error(`chaos: injected failure (${phase}, seed ${p.seed})`);
  Atomics.wait(pause, 0, 0, p.stallMs);
}

/** With probability `odds` a fault, each of the three kinds equally likely. */
function maybeFault(phase: 'map' | 'reduce', p: Params, odds: number): void {
  calls++;
  const r = random(p);
  if (phase === 'reduce' && p.forceEachKind && p.chaosDir !== '' && !forcedDone) {
    // One fault of each kind, on the first reduce calls to claim them, in a seeded order.
    const first = p.seed % 3;
    const order = [KINDS[first]!, ...KINDS.filter((_, i) => i !== first)];
    if (p.seed % 2 === 1) order.push(order.splice(1, 1)[0]!);
    const kind = order.find((k) => claim(p.chaosDir, `forced-${k}`));
    if (kind) return inject(kind, phase, p);
    forcedDone = true;
  }
  if (r >= odds) return;
  inject(r < odds / 3 ? 'exit' : r < (2 * odds) / 3 ? 'throw' : 'stall', phase, p);
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

export default defineJob({
  name: 'chaos-word-count',
  params,
  map(line, ctx: MapContext<string, number, Params>) {
    maybeFault('map', ctx.params, ctx.params.mapFaultOdds);
    for (const word of line.toLowerCase().split(/\s+/)) if (word !== '') ctx.emit(word, 1);
  },
  combine(word, counts, ctx) {
    ctx.emit(word, sum(counts));
  },
  reduce(word, counts, ctx) {
    maybeFault('reduce', ctx.params, ctx.params.reduceFaultOdds);
    ctx.emit(word, sum(counts));
  },
});
