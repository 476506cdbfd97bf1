// What every gRPC server and client in tsmr shares: the cluster secret, message size
// bounds, flow-control windows, and turning thrown errors into statuses and back.
import * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { timingSafeEqual } from 'node:crypto';
import type * as http2 from 'node:http2';
import { UnauthenticatedError, fromServiceError, toServiceError } from './errors';
import type { Logger } from './log';
import { withRetry } from './retry';

/** Metadata key that carries the cluster secret on every call. */
export const SECRET_METADATA_KEY = 'x-tsmr-secret';
/** No message on any tsmr channel may be larger (data messages are at most 4 MiB). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/** HTTP/2 window for data streams: the 64 KB default caps a stream near 200 MB/s. */
export const FLOW_CONTROL_WINDOW_BYTES = 8 * 1024 * 1024;

export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  'grpc-node.flow_control_window': FLOW_CONTROL_WINDOW_BYTES,
  // Reconnect quickly after a peer restarts (the default backoff grows to 2 minutes).
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1000,
};

export function secretMetadata(secret: string | undefined): grpc.Metadata {
  const metadata = new grpc.Metadata();
  if (secret) metadata.set(SECRET_METADATA_KEY, secret);
  return metadata;
}

/** Whether `given` is the cluster secret (always, when the cluster has none); compared in constant time. */
export function secretMatches(expected: string | undefined, given: unknown): boolean {
  if (!expected) return true;
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const WRONG_SECRET_MESSAGE = 'missing or wrong cluster secret (set TSMR_SECRET to the cluster secret)';

function checkSecret(expected: string | undefined, metadata: grpc.Metadata): void {
  if (!secretMatches(expected, metadata.get(SECRET_METADATA_KEY)[0])) throw new UnauthenticatedError(WRONG_SECRET_MESSAGE);
}

// ---- servers ----

type AnyMethod = (...args: never[]) => unknown;

/**
 * Handlers written as async functions: a unary handler returns its response, a
 * streaming handler resolves when it is done. A throw becomes the call's status.
 */
export type AsyncHandlers<H> = {
  // Only the service's own methods: the generated interfaces also carry grpc's string index signature.
  [K in keyof H as string extends K ? never : K]: H[K] extends grpc.handleUnaryCall<infer Req, infer Res>
    ? (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res> | Res
    : H[K] extends grpc.handleServerStreamingCall<infer Req, infer Res>
      ? (call: grpc.ServerWritableStream<Req, Res>) => Promise<void>
      : H[K] extends grpc.handleBidiStreamingCall<infer Req, infer Res>
        ? (call: grpc.ServerDuplexStream<Req, Res>) => Promise<void>
        : never;
};

export interface RpcServerOptions {
  host: string;
  port: number;
  secret?: string;
  log: Logger;
}

export class RpcServer {
  private readonly server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  private boundPort: number | undefined;

  constructor(private readonly options: RpcServerOptions) {
    this.widenFlowControlWindow();
  }

  /**
   * grpc-js servers take no flow-control option, so uploads (block writes) would crawl
   * at HTTP/2's 64 KB default window. Set the stream window on the http2 servers grpc-js
   * creates, through its private options; the connection window is set per session once
   * bound (see start()). Measured: 1-replica writes 0.19 → 0.30 GB/s.
   */
  private widenFlowControlWindow(): void {
    const internals = this.server as unknown as { commonServerOptions?: { settings?: Record<string, unknown> } };
    if (!internals.commonServerOptions) {
      this.options.log.warn('grpc-js internals changed: server flow-control window left at the default');
      return;
    }
    internals.commonServerOptions.settings = { ...internals.commonServerOptions.settings, initialWindowSize: FLOW_CONTROL_WINDOW_BYTES };
  }

  addService<H>(definition: grpc.ServiceDefinition, handlers: AsyncHandlers<H>): this {
    const wrapped: grpc.UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(definition)) {
      const handler = (handlers as Record<string, AnyMethod>)[name];
      if (!handler) throw new Error(`no handler for ${name}`);
      wrapped[name] = this.wrap(name, method, handler);
    }
    this.server.addService(definition, wrapped);
    return this;
  }

  private wrap(name: string, method: grpc.MethodDefinition<unknown, unknown>, handler: AnyMethod) {
    const { secret, log } = this.options;
    const onError = (err: unknown) => {
      const failure = toServiceError(err);
      if (failure.code === grpc.status.INTERNAL) log.error({ err, method: name }, 'rpc handler failed');
      return failure;
    };
    if (!method.requestStream && !method.responseStream) {
      return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        Promise.resolve()
          .then(() => {
            checkSecret(secret, call.metadata);
            return (handler as (req: unknown, call: unknown) => unknown)(call.request, call);
          })
          .then(
            (response) => callback(null, response),
            (err) => callback(onError(err)),
          );
      };
    }
    return (call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>) => {
      Promise.resolve()
        .then(() => {
          checkSecret(secret, call.metadata);
          return (handler as (call: unknown) => Promise<void>)(call);
        })
        .catch((err) => {
          if (!call.destroyed && !call.writableEnded) call.emit('error', onError(err));
        });
    };
  }

  async start(): Promise<string> {
    const { host, port } = this.options;
    this.boundPort = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    const servers = (this.server as unknown as { http2Servers?: Map<http2.Http2Server, unknown> }).http2Servers;
    for (const server of servers?.keys() ?? []) {
      server.on('session', (session: http2.ServerHttp2Session) => session.setLocalWindowSize(FLOW_CONTROL_WINDOW_BYTES));
    }
    return this.address;
  }

  /** host:port actually bound (the OS picks the port when asked for 0). */
  get address(): string {
    if (this.boundPort === undefined) throw new Error('RpcServer.address read before start()');
    return `${this.options.host}:${this.boundPort}`;
  }

  /** Stops accepting calls, lets running ones finish for up to graceMs, then cuts them. */
  async stop(graceMs = 2000): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

// ---- clients ----

export interface RpcClientOptions {
  secret?: string;
  /** Deadline of each unary call (ms). */
  timeoutMs?: number;
  /** Keep retrying a call that fails with UNAVAILABLE (peer down, restarting, in safe mode) this long (ms). */
  retryForMs?: number;
}

type ServiceConstructor = (new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ChannelOptions) => grpc.Client) & {
  service: grpc.ServiceDefinition;
};

/** The unary methods of a service, as promise-returning functions of the request. */
export type UnaryApi<D> = {
  // `any` in the two middle slots: their serializer types are invariant, so `unknown` never matches.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in keyof D]: D[K] extends MethodDefinition<infer Req, any, any, infer ResOut>
    ? (request: Req) => Promise<ResOut>
    : never;
};

export interface UnaryClient<D> {
  readonly api: UnaryApi<D>;
  readonly address: string;
  close(): void;
}

/**
 * A client whose unary calls return promises, carry the secret and a deadline, retry
 * UNAVAILABLE for `retryForMs` if given, and reject with the TsmrError the server threw
 * (a connection failure names the address).
 */
export function unaryClient<C extends ServiceConstructor>(
  Ctor: C,
  address: string,
  options: RpcClientOptions = {},
): UnaryClient<C['service']> {
  const client = new Ctor(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const api: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(Ctor.service)) {
    const method = (client as unknown as Record<string, AnyMethod>)[name] as unknown as (
      request: unknown,
      metadata: grpc.Metadata,
      options: grpc.CallOptions,
      callback: (err: grpc.ServiceError | null, response?: unknown) => void,
    ) => void;
    const call = (request: unknown) =>
      new Promise((resolve, reject) => {
        method.call(client, request, secretMetadata(options.secret), { deadline: Date.now() + timeoutMs }, (err, response) =>
          err ? reject(fromServiceError(err, `cannot reach ${address}`)) : resolve(response),
        );
      });
    const retryForMs = options.retryForMs;
    api[name] = retryForMs ? (request) => withRetry(() => call(request), { retryForMs }) : call;
  }
  return { api: api as UnaryApi<C['service']>, address, close: () => client.close() };
}

/** A raw client for streaming calls, with the same channel options. */
export function streamingClient<C extends ServiceConstructor>(Ctor: C, address: string): InstanceType<C> {
  return new Ctor(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS) as InstanceType<C>;
}
