// Baseline peer for the dfs benchmark: a grpc-js server in its own process that streams
// raw bytes (no protobuf) down to a client, or swallows an upload. It shows what one
// grpc-js stream carries on this machine, with the same 8 MiB window the DFS uses.
const grpc = require('@grpc/grpc-js');

const identity = (b) => b;
const service = {
  Download: { path: '/bench.Raw/Download', requestStream: false, responseStream: true, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity },
  Upload: { path: '/bench.Raw/Upload', requestStream: true, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity },
};
exports.service = service;

if (require.main === module) {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 32 << 20, 'grpc.max_send_message_length': 32 << 20 });
  const chunk = Buffer.alloc(1 << 20, 7);
  server.addService(service, {
    Download(call) {
      let left = call.request.readUInt32BE(0);
      const pump = () => {
        while (left > 0) {
          left--;
          if (!call.write(chunk)) return call.once('drain', pump);
        }
        call.end();
      };
      pump();
    },
    Upload(call, callback) {
      let bytes = 0;
      call.on('data', (d) => (bytes += d.length));
      call.on('end', () => {
        const out = Buffer.alloc(8);
        out.writeDoubleBE(bytes);
        callback(null, out);
      });
    },
  });
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    process.stdout.write(`${port}\n`);
  });
}
