#!/usr/bin/env node
// TeraGen's shape: COUNT records of 100 bytes, a 10-byte random printable key (0x21-0x7e),
// a 32-hex-digit row id, 57 filler letters, '\n'. Deterministic for a seed.
//   node bench/baselines/gen-records.js OUT COUNT [SEED=1]
const fs = require('node:fs');

const [out, countText, seedText = '1'] = process.argv.slice(2);
const count = Number(countText);
let a = Number(seedText) >>> 0;
const rand = () => {
  a = (a + 0x6d2b79f5) >>> 0;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
};
const BATCH = 100_000;
const buf = Buffer.alloc(BATCH * 100);
const fd = fs.openSync(out, 'w');
for (let first = 0; first < count; first += BATCH) {
  const n = Math.min(BATCH, count - first);
  for (let r = 0; r < n; r++) {
    const o = r * 100;
    for (let i = 0; i < 10; i++) buf[o + i] = 0x21 + (rand() % 94);
    buf.write((first + r).toString(16).padStart(32, '0'), o + 10, 'latin1');
    const letter = 0x41 + ((first + r) % 26);
    buf.fill(letter, o + 42, o + 99);
    buf[o + 99] = 10;
  }
  fs.writeSync(fd, buf, 0, n * 100);
}
fs.closeSync(fd);
