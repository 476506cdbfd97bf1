#!/usr/bin/env node
// The split points of a total-order partition, for examples/sort: reads SAMPLES (default
// 100) evenly spaced 64 KiB pieces of FILE, takes the 10-byte key of every whole line in
// them, sorts the keys and prints the R−1 keys at quantiles 1/R … (R−1)/R as a JSON array
// (the job's `--param cuts=...`).
//   node bench/baselines/sample-keys.js FILE R [SAMPLES]
const fs = require('node:fs');

const [file, rText, samplesText = '100'] = process.argv.slice(2);
const reducers = Number(rText);
const samples = Number(samplesText);
const size = fs.statSync(file).size;
const fd = fs.openSync(file, 'r');
const buf = Buffer.alloc(64 << 10);
const keys = [];
for (let s = 0; s < samples; s++) {
  const n = fs.readSync(fd, buf, 0, buf.length, Math.floor((size * s) / samples));
  const text = buf.toString('latin1', 0, n);
  // Skip the (possibly partial) first line, and the last one unless the piece ends the file.
  const lines = text.split('\n').slice(s === 0 ? 0 : 1, -1);
  for (const line of lines) if (line.length >= 10) keys.push(line.slice(0, 10));
}
fs.closeSync(fd);
keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
const cuts = [];
for (let i = 1; i < reducers; i++) cuts.push(keys[Math.floor((keys.length * i) / reducers)]);
process.stdout.write(`${JSON.stringify(cuts)}\n`);
