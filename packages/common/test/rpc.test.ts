// Message size bounds: a server built with RpcServer refuses a message over
// MAX_MESSAGE_BYTES (and will not send one), a client built with unaryClient will not send
// or accept one, and both keep serving afterwards. On loopback, port from the OS.
import * as grpc from '@grpc/grpc-js';
import {
  MAX_MESSAGE_BYTES,
  RpcServer,
  TsmrError,
  namenodeProto,
  silentLogger,
  unaryClient,
  type ClientProtocolHandlers,
} from '../src';

const SECRET = 'rpc-test-secret';
const ClientProtocol = () => namenodeProto().ClientProtocol;

/** A ClientProtocol whose Mkdirs records the paths it got and whose Stat echoes the path. */
function handlers(seen: string[]): never {
  const implemented: Record<string, unknown> = {
    Mkdirs: (request: { path: string }) => {
      seen.push(request.path);
      return {};
    },
    // A few KB more than it was sent: a request under the bound can ask for a response over it.
    Stat: (request: { path: string }) => ({ path: request.path, type: 'FILE', owner: 'o'.repeat(4096) }),
  };
  return new Proxy(implemented, {
    get: (target, name: string) => target[name] ?? (() => Promise.reject(new Error(`${name} not in this test`))),
  }) as never;
}

/** A raw client with no size limit of its own, so only the server's bound applies. */
function unboundedClient(address: string): grpc.Client & Record<string, (...args: unknown[]) => void> {
  const Ctor = ClientProtocol();
  return new Ctor(address, grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': -1,
    'grpc.max_receive_message_length': -1,
  }) as never;
}

function call(client: grpc.Client & Record<string, (...args: unknown[]) => void>, method: string, request: unknown): Promise<unknown> {
  const metadata = new grpc.Metadata();
  metadata.set('x-tsmr-secret', SECRET);
  return new Promise((resolve, reject) =>
    client[method]!(request, metadata, { deadline: Date.now() + 20_000 }, (err: grpc.ServiceError | null, response: unknown) =>
      err ? reject(err) : resolve(response),
    ),
  );
}

const bigPath = (bytes: number) => `/${'x'.repeat(bytes - 1)}`;

/** The gRPC status code a call failed with, or 'OK' (never the huge response itself). */
const outcome = (p: Promise<unknown>) => p.then(() => 'OK', (err: { code?: number }) => err.code);

let server: RpcServer;
const seen: string[] = [];

beforeAll(async () => {
  server = new RpcServer({ host: '127.0.0.1', port: 0, secret: SECRET, log: silentLogger() });
  server.addService<ClientProtocolHandlers>(ClientProtocol().service, handlers(seen));
  await server.start();
});

afterAll(async () => {
  await server.stop(100);
});

beforeEach(() => {
  seen.length = 0;
});

test('the server refuses a request over the bound with RESOURCE_EXHAUSTED, before any handler runs, and keeps serving', async () => {
  const client = unboundedClient(server.address);
  try {
    expect(await outcome(call(client, 'Mkdirs', { path: bigPath(MAX_MESSAGE_BYTES + 1024) }))).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect(seen).toEqual([]);
    // The same connection, then a new one, still get answers.
    await call(client, 'Mkdirs', { path: '/after' });
    expect(seen).toEqual(['/after']);
  } finally {
    client.close();
  }
  const fresh = unboundedClient(server.address);
  try {
    await call(fresh, 'Mkdirs', { path: '/fresh' });
    expect(seen).toEqual(['/after', '/fresh']);
  } finally {
    fresh.close();
  }
});

test('a request just under the bound is served', async () => {
  const client = unboundedClient(server.address);
  try {
    const path = bigPath(MAX_MESSAGE_BYTES - 1024);
    await call(client, 'Mkdirs', { path });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.length).toBe(path.length);
  } finally {
    client.close();
  }
});

test('the server will not send a response over the bound', async () => {
  // Stat answers with the path it was given: a request under the bound, a response over it.
  const client = unboundedClient(server.address);
  try {
    expect(await outcome(call(client, 'Stat', { path: bigPath(MAX_MESSAGE_BYTES - 1024) }))).toBe(grpc.status.RESOURCE_EXHAUSTED);
    await expect(call(client, 'Stat', { path: '/small' })).resolves.toMatchObject({ path: '/small' });
  } finally {
    client.close();
  }
});

describe('unaryClient', () => {
  let unbounded: grpc.Server;
  let unboundedAddress: string;

  beforeAll(async () => {
    // A plain grpc-js server with no bounds, answering with a huge FileStatus.
    unbounded = new grpc.Server({ 'grpc.max_send_message_length': -1, 'grpc.max_receive_message_length': -1 });
    unbounded.addService(ClientProtocol().service, {
      Stat: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, { path: bigPath(MAX_MESSAGE_BYTES + 1024) }),
    });
    const port = await new Promise<number>((resolve, reject) =>
      unbounded.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    unboundedAddress = `127.0.0.1:${port}`;
  });

  afterAll(() => {
    unbounded.forceShutdown();
  });

  test('will not send a request over the bound: RESOURCE_EXHAUSTED, and the next call goes through', async () => {
    const client = unaryClient(ClientProtocol(), server.address, { secret: SECRET });
    try {
      const refused = client.api.Mkdirs({ path: bigPath(MAX_MESSAGE_BYTES + 1024), createParent: false, owner: '' });
      const err = await refused.then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(TsmrError);
      expect((err as TsmrError).code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(seen).toEqual([]);
      await client.api.Mkdirs({ path: '/next', createParent: false, owner: '' });
      expect(seen).toEqual(['/next']);
    } finally {
      client.close();
    }
  });

  test('will not accept a response over the bound, but takes one just under it', async () => {
    const client = unaryClient(ClientProtocol(), unboundedAddress);
    try {
      expect(await outcome(client.api.Stat({ path: '/huge' }))).toBe(grpc.status.RESOURCE_EXHAUSTED);
    } finally {
      client.close();
    }
    const bounded = unaryClient(ClientProtocol(), server.address, { secret: SECRET, timeoutMs: 20_000 });
    try {
      const status = await bounded.api.Stat({ path: bigPath(MAX_MESSAGE_BYTES - 8192) });
      expect(status.path.length + status.owner.length).toBe(MAX_MESSAGE_BYTES - 8192 + 4096);
    } finally {
      bounded.close();
    }
  });
});
