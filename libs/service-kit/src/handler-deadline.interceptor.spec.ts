import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { NEVER, firstValueFrom, interval, lastValueFrom, map, of, take } from 'rxjs';
import { HandlerDeadlineInterceptor } from './handler-deadline.interceptor';
import { RequestLimits } from './request-limits';

const interceptor = new HandlerDeadlineInterceptor(
  new RequestLimits({ maxRequestBytes: 1024, maxPageSize: 10, rateLimitPerSecond: 0, requestTimeoutMs: 50 }),
);

class Controller {}

function grpcContext(): ExecutionContextHost {
  const context = new ExecutionContextHost([{}, {}, { getPath: () => '/pkg.Svc/Method' }], Controller);
  context.setType('rpc');
  return context;
}

function httpContext(request: object = { routeOptions: { config: {} } }): ExecutionContextHost {
  const context = new ExecutionContextHost([request, {}, () => undefined], Controller);
  context.setType('http');
  return context;
}

describe('HandlerDeadlineInterceptor', () => {
  it('fails a gRPC handler that does not answer in time with DEADLINE_EXCEEDED', async () => {
    const error = await firstValueFrom(interceptor.intercept(grpcContext(), { handle: () => NEVER })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcException);
    expect((error as RpcException).getError()).toEqual({
      code: GrpcStatus.DEADLINE_EXCEEDED,
      message: 'the handler did not answer within 50 ms (FLYWHEEL_REQUEST_TIMEOUT_MS)',
    });
  });

  it('fails an HTTP handler that does not answer in time with 504 and the JSON error body', async () => {
    const error = await firstValueFrom(interceptor.intercept(httpContext(), { handle: () => NEVER })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(504);
    expect((error as HttpException).getResponse()).toMatchObject({ error_code: 'DEADLINE_EXCEEDED' });
  });

  it('leaves routes that stream their body (uploads) to run as long as the upload', async () => {
    const upload = httpContext({ routeOptions: { config: { streamedBody: true } } });
    const slow = interval(80).pipe(take(1));
    await expect(firstValueFrom(interceptor.intercept(upload, { handle: () => slow }))).resolves.toBe(0);
  });

  it('passes a prompt answer through', async () => {
    await expect(
      firstValueFrom(interceptor.intercept(grpcContext(), { handle: () => of('ok') })),
    ).resolves.toBe('ok');
  });

  it('times only the first response, so a server stream may outlive the deadline', async () => {
    const stream = interval(20).pipe(
      take(6),
      map((tick) => tick),
    );
    await expect(lastValueFrom(interceptor.intercept(grpcContext(), { handle: () => stream }))).resolves.toBe(
      5,
    );
  });
});
