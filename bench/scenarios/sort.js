// sort: BENCH_SORT_SIZE (default 1GB) of 100-byte records (TeraGen's shape: 10-byte random
// printable key + payload + '\n', bench/baselines/gen-records.js) in the DFS of a 3-node
// local cluster (64 MB blocks), sorted by examples/sort/job.ts (no reduce, total-order
// partitioner over 3 reducers; its split points sampled from the local copy by
// bench/baselines/sample-keys.js and passed as --param cuts=JSON), submit → _SUCCESS,
// against `LC_ALL=C sort --parallel=2 -S 4G` of the same file on local disk. Interleaved,
// BENCH_REPS repetitions. Every rep's output is validated: part-r-* concatenated in order
// is sorted by key, and has the input's line count and multiset checksum (records
// rebuilt without the output's tab).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DfsClient } = require('../../packages/dfs/dist');
const lib = require('../lib');

const { REPS, median, fmt, ratio } = lib;
const SIZE = lib.parseSize(process.env.BENCH_SORT_SIZE ?? '1GB');
const COUNT = Math.floor(SIZE / 100);
const REDUCERS = 3;

/** Multiset checksum of records: per record two 32-bit hashes, summed mod 2^32; plus a count. */
class RecordChecksum {
  constructor() {
    this.count = 0;
    this.a = 0;
    this.b = 0;
  }
  /** Adds the record buf[start, end) with the byte at `skip` (or -1) left out. */
  add(buf, start, end, skip) {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = start; i < end; i++) {
      if (i === skip) continue;
      const c = buf[i];
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.a = (this.a + (h1 >>> 0)) >>> 0;
    this.b = (this.b + (h2 >>> 0)) >>> 0;
    this.count++;
  }
  same(o) {
    return this.count === o.count && this.a === o.a && this.b === o.b;
  }
  toString() {
    return `${this.count} records, ${this.a.toString(16)}:${this.b.toString(16)}`;
  }
}

/** Feeds chunks; calls onLine(buf, start, end) per whole line (without '\n'). */
function lineSplitter(onLine) {
  let carry = Buffer.alloc(0);
  return {
    push(chunk) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let from = 0;
      for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, from)) {
        onLine(buf, from, nl);
        from = nl + 1;
      }
      carry = Buffer.from(buf.subarray(from));
    },
    end() {
      if (carry.length) onLine(carry, 0, carry.length);
    },
  };
}

async function checksumLocal(file) {
  const sum = new RecordChecksum();
  const split = lineSplitter((buf, s, e) => sum.add(buf, s, e, -1));
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 8 << 20 })) split.push(chunk);
  split.end();
  return sum;
}

/** Reads OUTPUT/part-r-* in order: sorted by key? and their checksum (the tab after the key left out). */
async function checkOutput(client, output) {
  const parts = (await client.list(output)).map((s) => s.path ?? s.name).filter((p) => /part-r-\d+$/.test(p)).sort();
  if (parts.length !== REDUCERS) throw new Error(`expected ${REDUCERS} part files in ${output}, got ${parts.join(', ')}`);
  const sum = new RecordChecksum();
  let prev = Buffer.alloc(0);
  let unsorted = 0;
  const split = lineSplitter((buf, s, e) => {
    if (buf[s + 10] !== 9) throw new Error(`output line without a tab after its 10-byte key: ${buf.toString('latin1', s, e)}`);
    const key = buf.subarray(s, s + 10);
    if (Buffer.compare(prev, key) > 0) unsorted++;
    prev = Buffer.from(key);
    sum.add(buf, s, e, s + 10);
  });
  for (const p of parts) {
    for await (const chunk of await client.open(p.startsWith('/') ? p : `${output}/${p}`)) split.push(chunk);
  }
  split.end();
  return { sum, unsorted, parts: parts.length };
}

exports.run = async function run() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsmr-bench-sort-'));
  const file = path.join(tmp, 'records.txt');
  let cluster;
  let client;
  const times = { job: [], wall: [], sample: [], gnu: [] };
  let inputSum;
  try {
    process.stdout.write(`generating ${COUNT} records...\n`);
    await lib.sh(`'${process.execPath}' '${path.join(__dirname, '../baselines/gen-records.js')}' '${file}' ${COUNT} 1`);
    inputSum = await checksumLocal(file);
    cluster = lib.startCluster({ nodes: 3, blockSize: '64MB' });
    client = new DfsClient({ namenode: cluster.info.namenode.address, secret: cluster.info.secret });
    await cluster.dfs('put', file, '/sort/in/records.txt');
    for (let rep = 0; rep < REPS; rep++) {
      const sample = await lib.timed(() => lib.sh(`'${process.execPath}' '${path.join(__dirname, '../baselines/sample-keys.js')}' '${file}' ${REDUCERS}`));
      times.sample.push(sample.seconds);
      const output = `/out/sort${rep}`;
      const r = await cluster.submit('examples/sort/job.ts', [
        '--input', '/sort/in', '--output', output, '--reducers', String(REDUCERS), '--param', `cuts=${sample.result}`,
        // As TeraSort does (mapreduce.terasort.output.replication = 1): GNU sort keeps one copy too.
        '--output-replication', '1',
      ]);
      times.job.push(r.job);
      times.wall.push(r.wall);
      const check = await checkOutput(client, output);
      if (check.unsorted !== 0) throw new Error(`${output}: ${check.unsorted} keys out of order`);
      if (!check.sum.same(inputSum)) throw new Error(`${output}: ${check.sum} differs from the input's ${inputSum}`);
      await cluster.dfs('rm', '-r', output);

      const sorted = path.join(tmp, 'sorted.txt');
      const gnu = await lib.timed(() => lib.sh(`LC_ALL=C sort --parallel=2 -S 4G -T '${tmp}' -o '${sorted}' '${file}'`));
      times.gnu.push(gnu.seconds);
      fs.rmSync(sorted);
      process.stdout.write(`rep ${rep + 1}/${REPS}: job ${fmt(r.job)} (wall ${fmt(r.wall)}, sampling ${fmt(sample.seconds)}), GNU sort ${fmt(gnu.seconds)}; output valid\n`);
    }
  } finally {
    if (client) client.close();
    if (cluster) cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const job = median(times.job);
  const wall = median(times.wall) + median(times.sample);
  const gnu = median(times.gnu);
  return [
    `${COUNT.toLocaleString('en')} records of 100 bytes (${lib.formatBytes(COUNT * 100)}), 3-node local cluster, 64 MB blocks, ${Math.ceil((COUNT * 100) / (64 << 20))} maps, ` +
      `${REDUCERS} reducers with sampled split points, output replication 1 (as TeraSort writes it); GNU sort on the same file on local disk (page cache). Median of ${REPS} interleaved runs; ` +
      `each run's output checked: globally sorted, same line count and multiset checksum as the input. 2 cores; other work may run at the same time, so the figures are noisy.`,
    '',
    lib.ratioTable(
      ['what', 'median', 'job ÷ GNU sort', 'target ≤ 2×'],
      [
        ['tsmr job (finishedAt − submittedAt)', fmt(job), ratio(job, gnu), job / gnu <= 2 ? 'met' : 'NOT met'],
        ['sampling split points + `tsmr job submit --wait` (wall)', fmt(wall), ratio(wall, gnu), wall / gnu <= 2 ? 'met' : 'NOT met'],
        ['`LC_ALL=C sort --parallel=2 -S 4G`', fmt(gnu), '—', ''],
      ],
    ),
  ].join('\n');
};
