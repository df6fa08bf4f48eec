import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import {
  AUTH_DISABLED_PRINCIPAL,
  ANONYMOUS_PRINCIPAL,
  type Principal,
  type RoutePolicyTable,
} from '@flywheel/access';
import { AuthGuard } from './auth.guard';
import { principalOf } from './auth-principal';
import { AUTH_ENABLED, AUTHENTICATOR, type CredentialAuthenticator, ROUTE_POLICY } from './auth-tokens';

const TABLE: RoutePolicyTable = {
  'grpc:/flywheel.test.v1.Models/Get': 'models.read',
  'grpc:/flywheel.test.v1.Models/Delete': 'models.delete',
  'grpc:/grpc.health.v1.Health/Check': 'public',
  'http:POST /api/2.0/mlflow/runs/create': 'runs.write',
  'http:GET /api/2.0/mlflow/runs/get': 'runs.read',
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

async function guardWith(authEnabled: boolean, authenticator = new TableAuthenticator()) {
  const app = await contextWith([
    { provide: ROUTE_POLICY, useValue: TABLE },
    { provide: AUTH_ENABLED, useValue: authEnabled },
    { provide: AUTHENTICATOR, useValue: authenticator },
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

describe('AuthGuard configuration', () => {
  it('fails to start when authentication is on but no authenticator is provided', async () => {
    const build = contextWith([
      { provide: ROUTE_POLICY, useValue: TABLE },
      { provide: AUTH_ENABLED, useValue: true },
      AuthGuard,
    ]);
    await expect(build).rejects.toThrow(
      'authentication is enabled but no AUTHENTICATOR provider is registered',
    );
  });
});
