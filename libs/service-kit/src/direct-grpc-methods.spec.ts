import type { INestApplicationContext } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { Metadata, type Server, type ServiceError, status as GrpcStatus } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Principal, RoutePolicyTable } from '@flywheel/access';
import { HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS } from '@flywheel/contracts';
import { AccessGate } from './access-gate';
import type { CredentialAuthenticator } from './auth-tokens';
import { type DirectUnaryMethod, serveDirectly } from './direct-grpc-methods';
import { RequestLimits } from './request-limits';

const CHECK = '/grpc.health.v1.Health/Check';
const TABLE: RoutePolicyTable = { [`grpc:${CHECK}`]: 'models.read' };
const VIEWER: Principal = { id: 'v1', kind: 'api_key', role: 'viewer', name: 'viewer key' };
const packageDefinition = loadSync(HEALTH_PROTO_FILE, PROTO_LOADER_OPTIONS);

const authenticator: CredentialAuthenticator = {
  authenticate: (token) =>
    Promise.resolve(
      token === 'viewer-token'
        ? { ok: true as const, principal: VIEWER }
        : { ok: false as const, message: 'unknown key' },
    ),
};

type Handler = (
  call: { request: unknown; metadata: Metadata },
  callback: (error: Partial<ServiceError> | null, response?: unknown) => void,
) => void;

/** A grpc-js server stand-in that records what is registered; the kit's wiring is under test. */
function fakeServer() {
  const handlers = new Map<string, Handler>();
  const unregistered: string[] = [];
  const server = {
    unregister: (path: string) => unregistered.push(path) > 0,
    register: (path: string, handler: Handler) => handlers.set(path, handler) !== undefined,
  } as unknown as Server;
  return { server, handlers, unregistered };
}

function serve(
  handle: DirectUnaryMethod['handle'],
  options: { auth: boolean; timeoutMs?: number } = { auth: true },
) {
  const gate = new AccessGate(TABLE, options.auth, authenticator);
  const limits = new RequestLimits({
    maxRequestBytes: 1024,
    maxPageSize: 100,
    rateLimitPerSecond: 0,
    requestTimeoutMs: options.timeoutMs ?? 1_000,
  });
  const app = {
    get: (token: unknown) => (token === AccessGate ? gate : limits),
  } as unknown as INestApplicationContext;
  const { server, handlers, unregistered } = fakeServer();
  serveDirectly(server, packageDefinition, [{ path: CHECK, handle }], app);
  const call = (authorization?: string) =>
    new Promise<{ error: Partial<ServiceError> | null; response?: unknown }>((resolve) => {
      const metadata = new Metadata();
      if (authorization) metadata.set('authorization', authorization);
      handlers.get(CHECK)!({ request: { service: 'x' }, metadata }, (error, response) =>
        resolve({ error, response }),
      );
    });
  return { call, unregistered };
}

describe('serveDirectly', () => {
  it("replaces Nest's handler and answers an admitted call with the handler's response", async () => {
    const seen: unknown[] = [];
    const { call, unregistered } = serve((request) => {
      seen.push(request);
      return Promise.resolve({ status: 'SERVING' });
    });
    expect(unregistered).toEqual([CHECK]);
    expect(await call('Bearer viewer-token')).toEqual({ error: null, response: { status: 'SERVING' } });
    expect(seen).toEqual([{ service: 'x' }]);
  });

  it('refuses a call without a valid key as the guard does, before the handler runs', async () => {
    let ran = false;
    const { call } = serve(() => {
      ran = true;
      return Promise.resolve({});
    });
    expect((await call()).error).toMatchObject({ code: GrpcStatus.UNAUTHENTICATED });
    expect((await call('Bearer stolen')).error).toMatchObject({
      code: GrpcStatus.UNAUTHENTICATED,
      details: expect.stringMatching(/unknown key/),
    });
    expect(ran).toBe(false);
  });

  it("ends the call with an RpcException's code, message and metadata", async () => {
    const trailer = new Metadata();
    trailer.set('x-reason', 'r');
    const { call } = serve(() =>
      Promise.reject(
        new RpcException({
          code: GrpcStatus.INVALID_ARGUMENT,
          message: 'inputs[0]: bad shape',
          metadata: trailer,
        }),
      ),
    );
    expect((await call('Bearer viewer-token')).error).toEqual({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: 'inputs[0]: bad shape',
      metadata: trailer,
    });
  });

  it('answers INTERNAL without the detail of an unexpected error', async () => {
    const { call } = serve(() => Promise.reject(new Error('secret connection string')));
    expect((await call('Bearer viewer-token')).error).toEqual({
      code: GrpcStatus.INTERNAL,
      details: 'internal server error',
    });
  });

  it('ends a handler that outlives the request deadline with DEADLINE_EXCEEDED', async () => {
    const { call } = serve(() => new Promise(() => undefined), { auth: false, timeoutMs: 50 });
    expect((await call()).error).toMatchObject({
      code: GrpcStatus.DEADLINE_EXCEEDED,
      details: expect.stringMatching(/within 50 ms/),
    });
  });

  it('refuses to serve a streaming or unknown method directly', () => {
    const gate = new AccessGate(TABLE, false);
    const app = { get: () => gate } as unknown as INestApplicationContext;
    const handle = () => Promise.resolve({});
    expect(() =>
      serveDirectly(
        fakeServer().server,
        packageDefinition,
        [{ path: '/grpc.health.v1.Health/Watch', handle }],
        app,
      ),
    ).toThrow(/Watch is not a unary method/);
    expect(() =>
      serveDirectly(fakeServer().server, packageDefinition, [{ path: '/nope.Svc/Do', handle }], app),
    ).toThrow(/nope\.Svc\/Do/);
  });
});
