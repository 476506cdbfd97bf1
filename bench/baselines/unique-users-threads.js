#!/usr/bin/env node
// Baseline for the unique-users scenario: a hand-written Node program, no framework.
//   node bench/baselines/unique-users-threads.js FILE [MONTH=2026-11] [THREADS=2]
// Splits the file into THREADS byte ranges at line boundaries; each worker thread reads its
// range in 16 MiB chunks, parses every line the way examples/unique-users/job.ts does (user
// = authuser, or the client address when it is "-"; lines of the month only; malformed
// lines skipped) into a Set, and returns the set; the main thread merges and counts.
// Prints the count.
const fs = require('node:fs');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHUNK = 16 << 20;

function monthToken(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return `${MONTH_NAMES[Number(m[2]) - 1]}/${m[1]}`;
}

function scan({ file, start, end, month }) {
  const token = monthToken(month);
  const users = new Set();
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let carry = '';
  let pos = start;
  const onLine = (line) => {
    const sp1 = line.indexOf(' ');
    const sp2 = sp1 > 0 ? line.indexOf(' ', sp1 + 1) : -1;
    const sp3 = sp2 > 0 ? line.indexOf(' ', sp2 + 1) : -1;
    const ts = sp3 + 1;
    if (sp3 <= sp2 + 1 || line.charCodeAt(ts) !== 0x5b || line.charCodeAt(ts + 3) !== 0x2f || line.charCodeAt(ts + 7) !== 0x2f ||
      line.charCodeAt(ts + 12) !== 0x3a || line.indexOf('] "', ts + 13) === -1) return;
    if (!line.startsWith(token, ts + 4)) return;
    const auth = line.slice(sp2 + 1, sp3);
    users.add(auth === '-' ? line.slice(0, sp1) : auth);
  };
  while (pos < end) {
    const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, end - pos), pos);
    if (n === 0) break;
    pos += n;
    const text = carry + buf.toString('latin1', 0, n);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      onLine(text.slice(from, nl));
      from = nl + 1;
    }
    carry = text.slice(from);
  }
  if (carry !== '') onLine(carry);
  fs.closeSync(fd);
  return users;
}

/** The offset just past the first '\n' at or after `at` (a line start), or the file size. */
function lineStartAfter(fd, at, size) {
  const buf = Buffer.allocUnsafe(64 << 10);
  for (let pos = at; pos < size; pos += buf.length) {
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    const i = buf.subarray(0, n).indexOf(10);
    if (i !== -1) return pos + i + 1;
  }
  return size;
}

if (isMainThread) {
  const [file, month = '2026-11', threadsText = '2'] = process.argv.slice(2);
  const threads = Number(threadsText);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const bounds = [0];
  for (let k = 1; k < threads; k++) bounds.push(lineStartAfter(fd, Math.floor((size * k) / threads) - 1, size));
  bounds.push(size);
  fs.closeSync(fd);
  const parts = bounds.slice(0, -1).map(
    (start, k) =>
      new Promise((resolve, reject) => {
        const w = new Worker(__filename, { workerData: { file, start, end: bounds[k + 1], month } });
        w.once('message', resolve);
        w.once('error', reject);
      }),
  );
  Promise.all(parts).then((sets) => {
    const all = sets[0];
    for (const s of sets.slice(1)) for (const u of s) all.add(u);
    process.stdout.write(`${all.size}\n`);
  });
} else {
  parentPort.postMessage(scan(workerData));
}
