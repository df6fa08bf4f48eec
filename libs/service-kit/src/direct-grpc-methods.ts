import type { INestApplicationContext } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import {
  type Metadata,
  type Server,
  type ServerUnaryCall,
  type ServiceError,
  type sendUnaryData,
  status as GrpcStatus,
} from '@grpc/grpc-js';
import type { MethodDefinition, PackageDefinition } from '@grpc/proto-loader';
import { grpcRouteId } from '@flywheel/access';
import { createLogger, traceGrpcMethodByHand, traceServerCallIfSampled } from '@flywheel/telemetry';
import { AccessGate } from './access-gate';
import { grpcAuthorizationOf } from './auth-credential';
import { raceTimer } from './deadline';
import { handlerDeadlineMessage } from './handler-deadline.interceptor';
import { grpcRateLimitedException } from './rate-limit-denial';
import { RequestLimits } from './request-limits';

/**
 * A unary gRPC method answered straight from grpc-js rather than through Nest's per-call
 * pipeline (guards, interceptors, rxjs), for the few paths where that pipeline costs more than
 * the work: the serving gateway's ModelInfer (and its probes, so they time the same path). The kit applies what the pipeline would: the
 * `AccessGate` (authentication, the route's permission, the rate limit), the handler deadline,
 * and the mapping of `RpcException` to a gRPC status; a call whose caller traces (a sampled
 * `traceparent`) gets its SERVER span, other calls none. The handler gets no `@CurrentPrincipal()`.
 */
export interface DirectUnaryMethod {
  /** `/<package>.<Service>/<Method>`: a unary method of the port's packages. */
  path: string;
  /** Answers one call; an `RpcException` becomes the call's status, anything else INTERNAL. */
  handle(request: unknown, metadata: Metadata): Promise<unknown>;
}

const logger = createLogger('direct-grpc');

/**
 * Replaces the handlers of `methods` on `server` (Nest registered them when it started) with
 * direct ones; calls already running finish on the old handler.
 * @throws Error naming a path that is not a unary method of `packageDefinition`.
 */
export function serveDirectly(
  server: Server,
  packageDefinition: PackageDefinition,
  methods: readonly DirectUnaryMethod[],
  app: INestApplicationContext,
): void {
  const gate = app.get(AccessGate, { strict: false });
  const limits = app.get(RequestLimits, { strict: false });
  for (const method of methods) {
    const definition = unaryMethodAt(packageDefinition, method.path);
    const routeId = grpcRouteId(method.path);
    const handler = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void => {
      traceServerCallIfSampled(method.path, call.metadata, () =>
        answer(call, method, gate, routeId, limits.requestTimeoutMs),
      ).then(
        (response) => callback(null, response),
        (error: unknown) => callback(serviceErrorOf(error, method.path)),
      );
    };
    traceGrpcMethodByHand(method.path.slice(method.path.lastIndexOf('/') + 1));
    server.unregister(method.path);
    server.register(
      method.path,
      handler,
      definition.responseSerialize,
      definition.requestDeserialize,
      'unary',
    );
  }
}

async function answer(
  call: ServerUnaryCall<unknown, unknown>,
  method: DirectUnaryMethod,
  gate: AccessGate,
  routeId: string,
  deadlineMs: number,
): Promise<unknown> {
  const admission = await gate.admit(routeId, 'grpc', () => grpcAuthorizationOf(call.metadata));
  if (admission.retryAfterMs !== undefined) throw grpcRateLimitedException(admission.retryAfterMs);
  return raceTimer(method.handle(call.request, call.metadata), deadlineMs, () => {
    throw new RpcException({
      code: GrpcStatus.DEADLINE_EXCEEDED,
      message: handlerDeadlineMessage(deadlineMs),
    });
  });
}

/** The status a failed call ends with: the `RpcException`'s code and message, or INTERNAL (logged). */
export function serviceErrorOf(error: unknown, path: string): Partial<ServiceError> {
  if (error instanceof RpcException) {
    const body = error.getError();
    if (typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number') {
      const { code, message, metadata } = body as { code: number; message?: string; metadata?: Metadata };
      return { code, details: message ?? '', ...(metadata && { metadata }) };
    }
    return { code: GrpcStatus.UNKNOWN, details: typeof body === 'string' ? body : JSON.stringify(body) };
  }
  logger.error({ err: error, path }, 'direct gRPC handler failed');
  return { code: GrpcStatus.INTERNAL, details: 'internal server error' };
}

function unaryMethodAt(
  packageDefinition: PackageDefinition,
  path: string,
): MethodDefinition<unknown, unknown> {
  const match = /^\/([^/]+)\/([^/]+)$/.exec(path);
  const service = match
    ? (packageDefinition[match[1]!] as Record<string, MethodDefinition<unknown, unknown>> | undefined)
    : undefined;
  const definition =
    service && match ? Object.values(service).find((candidate) => candidate.path === path) : undefined;
  if (!definition || definition.requestStream || definition.responseStream)
    throw new Error(`direct gRPC method ${path} is not a unary method this port serves`);
  return definition;
}
