// dfs: put and get of a 1 GiB file on a local cluster of 3 datanodes, with replication 1
// and 3, beside one raw grpc-js stream of the same bytes (8 MiB window), interleaved.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const { DfsClient } = require('../../packages/dfs/dist');
const { service } = require('../raw-stream-peer');
const { REPS, median, startCluster, timed } = require('../lib');

const MiB = 1 << 20;
const SIZE_MIB = Number(process.env.BENCH_DFS_MIB ?? 1024);

/** Seconds fn takes. */
const seconds = async (fn) => (await timed(fn)).seconds;

async function dfsPut(client, file, replication, chunk) {
  const out = await client.create(file, { replication, overwrite: true });
  for (let i = 0; i < SIZE_MIB; i++) {
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end(resolve).once('error', reject));
}

async function dfsGet(client, file) {
  let bytes = 0;
  for await (const piece of await client.open(file)) bytes += piece.length;
  if (bytes !== SIZE_MIB * MiB) throw new Error(`read ${bytes} bytes, expected ${SIZE_MIB * MiB}`);
}

function startRawPeer() {
  const child = spawn(process.execPath, [path.join(__dirname, '../raw-stream-peer.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', (d) => resolve({ child, port: Number(String(d).trim()) })));
}

function rawClient(port) {
  const Ctor = grpc.makeGenericClientConstructor(service, 'Raw');
  return new Ctor(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    'grpc-node.flow_control_window': 8 * MiB,
    'grpc.max_receive_message_length': 32 * MiB,
  });
}

function rawDownload(client) {
  return new Promise((resolve, reject) => {
    const request = Buffer.alloc(4);
    request.writeUInt32BE(SIZE_MIB);
    let bytes = 0;
    const call = client.Download(request);
    call.on('data', (d) => (bytes += d.length));
    call.on('error', reject);
    call.on('end', () => (bytes === SIZE_MIB * MiB ? resolve() : reject(new Error(`raw download got ${bytes}`))));
  });
}

async function rawUpload(client, chunk) {
  await new Promise((resolve, reject) => {
    const call = client.Upload((err) => (err ? reject(err) : resolve()));
    let i = 0;
    const pump = () => {
      while (i < SIZE_MIB) {
        i++;
        if (!call.write(chunk)) return call.once('drain', pump);
      }
      call.end();
    };
    pump();
  });
}

exports.run = async function run() {
  const local = startCluster({ nodes: 3, blockSize: '64MB' });
  const cluster = local.info;
  const client = new DfsClient({ namenode: cluster.namenode.address, secret: cluster.secret });
  const peer = await startRawPeer();
  const raw = rawClient(peer.port);
  const chunk = crypto.randomBytes(MiB);
  const times = { 'raw stream download': [], 'raw stream upload': [], 'put r=1': [], 'get r=1': [], 'put r=3': [], 'get r=3': [] };
  try {
    for (let rep = 0; rep < REPS; rep++) {
      times['raw stream download'].push(await seconds(() => rawDownload(raw)));
      times['raw stream upload'].push(await seconds(() => rawUpload(raw, chunk)));
      for (const r of [1, 3]) {
        times[`put r=${r}`].push(await seconds(() => dfsPut(client, `/bench/r${r}`, r, chunk)));
        times[`get r=${r}`].push(await seconds(() => dfsGet(client, `/bench/r${r}`)));
        await client.delete(`/bench/r${r}`);
      }
      process.stdout.write(`rep ${rep + 1}/${REPS} done\n`);
    }
  } finally {
    raw.close();
    peer.child.kill();
    client.close();
    local.stop();
  }
  const mbps = (t) => (SIZE_MIB * MiB) / 1e6 / t;
  const rawDown = mbps(median(times['raw stream download']));
  const rawUp = mbps(median(times['raw stream upload']));
  const rows = Object.entries(times).map(([name, ts]) => {
    const rate = mbps(median(ts));
    const base = name.startsWith('get') ? rawDown : name.startsWith('put') ? rawUp : undefined;
    return `| ${name} | ${median(ts).toFixed(2)} s | ${rate.toFixed(0)} MB/s | ${base ? `${(rate / base).toFixed(2)}×` : '—'} |`;
  });
  return [
    `${SIZE_MIB} MiB file, 3 datanodes, 64 MB blocks, median of ${REPS} interleaved runs. Ratio: get vs the raw download, put vs the raw upload.`,
    '',
    '| what | time | throughput | ratio to raw stream |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
};
