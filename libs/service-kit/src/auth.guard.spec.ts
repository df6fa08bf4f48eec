import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import {
  AUTH_DISABLED_PRINCIPAL,
  ANONYMOUS_PRINCIPAL,
  KeyedRateLimiter,
  type Principal,
  type RoutePolicyTable,
} from '@flywheel/access';
import { AccessGate } from './access-gate';
import { AuthGuard } from './auth.guard';
import { principalOf } from './auth-principal';
import { AUTH_ENABLED, AUTHENTICATOR, type CredentialAuthenticator, ROUTE_POLICY } from './auth-tokens';
import { CallRateLimiter } from './call-rate-limiter';

const TABLE: RoutePolicyTable = {
  'grpc:/flywheel.test.v1.Models/Get': 'models.read',
  'grpc:/flywheel.test.v1.Models/Delete': 'models.delete',
  'grpc:/grpc.health.v1.Health/Check': 'public',
  'http:POST /api/2.0/mlflow/runs/create': 'runs.write',
  'http:GET /api/2.0/mlflow/runs/get': 'runs.read',
  'http:POST /api/2.0/mlflow/registered-models/create': 'forwarded',
};

const principals: Record<string, Principal> = {
  'viewer-token': { id: 'v1', kind: 'api_key', role: 'viewer', name: 'viewer key' },
  'admin-token': { id: 'a1', kind: 'api_key', role: 'admin', name: 'admin key' },
};

/** Pure stand-in for the key store: the guard's logic is what is under test. */
class TableAuthenticator implements CredentialAuthenticator {
  calls = 0;
  authenticate(token: string) {
    this.calls += 1;
    const principal = principals[token];
    return Promise.resolve(
      principal
        ? { ok: true as const, principal }
        : { ok: false as const, message: `API key ${token} does not exist` },
    );
  }
}

class ModelsController {}

function grpcContext(method: string, authorization?: string[]): ExecutionContextHost {
  const metadata = new Metadata();
  for (const value of authorization ?? []) metadata.add('authorization', value);
  const call = { getPath: () => method };
  const context = new ExecutionContextHost([{}, metadata, call], ModelsController, () => undefined);
  context.setType('rpc');
  return context;
}

function httpContext(request: Record<string, unknown>): ExecutionContextHost {
  const context = new ExecutionContextHost([request, {}, () => undefined], ModelsController, () => undefined);
  context.setType('http');
  return context;
}

/** A real Nest application context, so the guard is built by Nest's injector as in a service. */
async function contextWith(providers: Provider[]) {
  @Module({ providers })
  class GuardTestModule {}
  return NestFactory.createApplicationContext(GuardTestModule, { logger: false, abortOnError: false });
}

async function guardWith(
  authEnabled: boolean,
  authenticator = new TableAuthenticator(),
  rateLimiter?: CallRateLimiter,
) {
  const app = await contextWith([
    { provide: ROUTE_POLICY, useValue: TABLE },
    { provide: AUTH_ENABLED, useValue: authEnabled },
    { provide: AUTHENTICATOR, useValue: authenticator },
    ...(rateLimiter ? [{ provide: CallRateLimiter, useValue: rateLimiter }] : []),
    AccessGate,
    AuthGuard,
  ]);
  const guard = app.get(AuthGuard);
  await app.close();
  return { guard, authenticator };
}

async function rpcError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcException);
  return (error as RpcException).getError() as { code: number; message: string };
}

async function httpError(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpException);
  return { status: (error as HttpException).getStatus(), body: (error as HttpException).getResponse() };
}

describe('AuthGuard on gRPC handlers', () => {
  it('rejects a call without a key as UNAUTHENTICATED', async () => {
    const { guard } = await guardWith(true);
    const error = await rpcError(guard.canActivate(grpcContext('/flywheel.test.v1.Models/Get')));
    expect(error).toEqual({
      code: GrpcStatus.UNAUTHENTICATED,
      message: 'route grpc:/flywheel.test.v1.Models/Get requires a valid API key or token',
    });
  });

  it('explains why a presented key was refused', async () => {
    const { guard } = await guardWith(true);
    const error = await rpcError(
      guard.canActivate(grpcContext('/flywheel.test.v1.Models/Get', ['Bearer nope'])),
    );
    expect(error.code).toBe(GrpcStatus.UNAUTHENTICATED);
    expect(error.message).toMatch(/API key nope does not exist$/);
  });

  it('treats a repeated authorization entry as malformed', async () => {
    const { guard, authenticator } = await guardWith(true);
    const context = grpcContext('/flywheel.test.v1.Models/Get', [
      'Bearer admin-token',
      'Bearer viewer-token',
    ]);
    const error = await rpcError(guard.canActivate(context));
    expect(error.code).toBe(GrpcStatus.UNAUTHENTICATED);
    expect(error.message).toMatch(/exactly once/);
    expect(authenticator.calls).toBe(0);
  });

  it('refuses a viewer on a mutating method as PERMISSION_DENIED', async () => {
    const { guard } = await guardWith(true);
    const error = await rpcError(
      guard.canActivate(grpcContext('/flywheel.test.v1.Models/Delete', ['Bearer viewer-token'])),
    );
    expect(error).toEqual({
      code: GrpcStatus.PERMISSION_DENIED,
      message: 'models.delete requires role admin; viewer key has role viewer',
    });
  });

  it('admits an admin and attaches the principal for the handler', async () => {
    const { guard } = await guardWith(true);
    const context = grpcContext('/flywheel.test.v1.Models/Delete', ['bearer admin-token']);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(principalOf(context)).toEqual(principals['admin-token']);
  });

  it('serves public routes without consulting the key store, even with a bad header', async () => {
    const { guard, authenticator } = await guardWith(true);
    const context = grpcContext('/grpc.health.v1.Health/Check', ['Bearer nope']);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(principalOf(context)).toEqual(ANONYMOUS_PRINCIPAL);
    expect(authenticator.calls).toBe(0);
  });

  it('denies a method missing from the table even with authentication off', async () => {
    const { guard } = await guardWith(false);
    const error = await rpcError(guard.canActivate(grpcContext('/flywheel.test.v1.Models/Forgotten')));
    expect(error).toEqual({
      code: GrpcStatus.PERMISSION_DENIED,
      message: 'route grpc:/flywheel.test.v1.Models/Forgotten is not in the access policy table',
    });
  });

  it('admits every declared route as the auth-disabled principal when authentication is off', async () => {
    const { guard, authenticator } = await guardWith(false);
    const context = grpcContext('/flywheel.test.v1.Models/Delete', ['Bearer viewer-token']);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(principalOf(context)).toBe(AUTH_DISABLED_PRINCIPAL);
    expect(authenticator.calls).toBe(0);
  });

  it('refuses rpc handlers that are not gRPC (no call object), rather than guessing', async () => {
    const { guard } = await guardWith(false);
    const context = new ExecutionContextHost([{}, {}], ModelsController, () => undefined);
    context.setType('rpc');
    await expect(guard.canActivate(context)).rejects.toThrow(/gRPC and HTTP handlers only/);
  });
});

describe('AuthGuard on HTTP routes', () => {
  const fastifyRequest = (method: string, url: string, authorization?: string) => ({
    method,
    url: `${url}?run_id=1`,
    routeOptions: { url },
    headers: authorization ? { authorization } : {},
  });

  it('answers 401 with an MLflow-style body when no key is sent', async () => {
    const { guard } = await guardWith(true);
    const denied = await httpError(
      guard.canActivate(httpContext(fastifyRequest('GET', '/api/2.0/mlflow/runs/get'))),
    );
    expect(denied).toEqual({
      status: 401,
      body: {
        error_code: 'UNAUTHENTICATED',
        message: 'route http:GET /api/2.0/mlflow/runs/get requires a valid API key or token',
      },
    });
  });

  it('answers 403 when the role is too low', async () => {
    const { guard } = await guardWith(true);
    const request = fastifyRequest('POST', '/api/2.0/mlflow/runs/create', 'Bearer viewer-token');
    const denied = await httpError(guard.canActivate(httpContext(request)));
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error_code: 'PERMISSION_DENIED' });
  });

  it('matches the registered pattern, not the request URL, and attaches the principal', async () => {
    const { guard } = await guardWith(true);
    const request = fastifyRequest('POST', '/api/2.0/mlflow/runs/create', 'Bearer admin-token');
    const context = httpContext(request);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(principalOf(context)).toEqual(principals['admin-token']);
  });

  it('checks a HEAD request against the GET route it is answered by', async () => {
    const { guard } = await guardWith(true);
    const head = fastifyRequest('HEAD', '/api/2.0/mlflow/runs/get', 'Bearer viewer-token');
    await expect(guard.canActivate(httpContext(head))).resolves.toBe(true);
    const anonymous = await httpError(
      guard.canActivate(httpContext(fastifyRequest('HEAD', '/api/2.0/mlflow/runs/get'))),
    );
    expect(anonymous.status).toBe(401);
  });

  it('reads Express-style routes (mount path plus route path) too', async () => {
    const { guard } = await guardWith(true);
    const request = {
      method: 'get',
      baseUrl: '/api/2.0/mlflow',
      route: { path: '/runs/get' },
      headers: { authorization: 'Bearer viewer-token' },
    };
    await expect(guard.canActivate(httpContext(request))).resolves.toBe(true);
  });
});

describe('AuthGuard on forwarded routes', () => {
  it('lets the request through without consulting the key store, for the upstream to decide', async () => {
    const { guard, authenticator } = await guardWith(true);
    const request = {
      method: 'POST',
      routeOptions: { url: '/api/2.0/mlflow/registered-models/create' },
      headers: { authorization: 'Bearer viewer-token' },
    };
    const context = httpContext(request);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(principalOf(context)).toBe(ANONYMOUS_PRINCIPAL);
    expect(authenticator.calls).toBe(0);
  });
});

describe('AuthGuard rate limit of mutating calls', () => {
  // One call a second, bursts of two, on a clock the test moves.
  function limited() {
    const clock = { now: 0 };
    const limiter = new CallRateLimiter(new KeyedRateLimiter({ ratePerSecond: 1, now: () => clock.now }));
    return { limiter, clock };
  }

  it('refuses a principal beyond its burst with RESOURCE_EXHAUSTED and a retry pushback', async () => {
    const { limiter } = limited();
    const { guard } = await guardWith(true, new TableAuthenticator(), limiter);
    const call = () =>
      guard.canActivate(grpcContext('/flywheel.test.v1.Models/Delete', ['Bearer admin-token']));
    await expect(call()).resolves.toBe(true);
    await expect(call()).resolves.toBe(true);
    const error = await call().then(
      () => undefined,
      (e: unknown) => (e as RpcException).getError() as { code: number; message: string; metadata: Metadata },
    );
    expect(error).toMatchObject({
      code: GrpcStatus.RESOURCE_EXHAUSTED,
      message: expect.stringMatching(/1000 ms/),
    });
    expect(error?.metadata.get('grpc-retry-pushback-ms')).toEqual(['1000']);
  });

  it('answers HTTP 429 with Retry-After and leaves reads unlimited', async () => {
    const { limiter } = limited();
    const { guard } = await guardWith(true, new TableAuthenticator(), limiter);
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (headers[name] = value) };
    const post = () => {
      const request = {
        method: 'POST',
        routeOptions: { url: '/api/2.0/mlflow/runs/create' },
        headers: { authorization: 'Bearer admin-token' },
      };
      const context = new ExecutionContextHost([request, reply, () => undefined], ModelsController);
      context.setType('http');
      return guard.canActivate(context);
    };
    await post();
    await post();
    const denied = await httpError(post());
    expect(denied).toEqual({
      status: 429,
      body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: expect.stringMatching(/retry after 1000 ms/) },
    });
    expect(headers).toEqual({ 'retry-after': '1' });
    for (let i = 0; i < 5; i += 1) {
      const read = httpContext({
        method: 'GET',
        routeOptions: { url: '/api/2.0/mlflow/runs/get' },
        headers: { authorization: 'Bearer admin-token' },
      });
      await expect(guard.canActivate(read)).resolves.toBe(true);
    }
  });

  it('counts each principal separately and refills with time', async () => {
    const { limiter, clock } = limited();
    const { guard } = await guardWith(true, new TableAuthenticator(), limiter);
    const call = (token: string) =>
      guard.canActivate(grpcContext('/flywheel.test.v1.Models/Delete', [`Bearer ${token}`]));
    await call('admin-token');
    await call('admin-token');
    await expect(call('admin-token')).rejects.toBeInstanceOf(RpcException);
    clock.now = 1_000;
    await expect(call('admin-token')).resolves.toBe(true);
  });
});

describe('AuthGuard configuration', () => {
  it('fails to start when authentication is on but no authenticator is provided', async () => {
    const build = contextWith([
      { provide: ROUTE_POLICY, useValue: TABLE },
      { provide: AUTH_ENABLED, useValue: true },
      AccessGate,
      AuthGuard,
    ]);
    await expect(build).rejects.toThrow(
      'authentication is enabled but no AUTHENTICATOR provider is registered',
    );
  });
});
