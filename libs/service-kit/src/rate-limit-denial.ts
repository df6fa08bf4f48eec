import type { ExecutionContext } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import type { GuardedTransport } from './auth-transport';
import { kitHttpError } from './http-error';

interface ReplyLike {
  header?(name: string, value: string): unknown;
  setHeader?(name: string, value: string): unknown;
}

/**
 * gRPC: `RESOURCE_EXHAUSTED` with the standard `grpc-retry-pushback-ms` trailer (gRPC clients with
 * a retry policy honour it). HTTP: 429 with `Retry-After` (whole seconds) and the kit's JSON body.
 */
export function rateLimitedException(
  context: ExecutionContext,
  transport: GuardedTransport,
  retryAfterMs: number,
): Error {
  switch (transport) {
    case 'grpc':
      return grpcRateLimitedException(retryAfterMs);
    case 'http': {
      const message = rateLimitMessage(retryAfterMs);
      const reply = context.switchToHttp().getResponse<ReplyLike>();
      const seconds = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
      if (typeof reply.header === 'function') reply.header('retry-after', seconds);
      else reply.setHeader?.('retry-after', seconds);
      return kitHttpError(HttpStatus.TOO_MANY_REQUESTS, 'REQUEST_LIMIT_EXCEEDED', message);
    }
  }
}

/** gRPC's answer to an over-limit call: `RESOURCE_EXHAUSTED` with `grpc-retry-pushback-ms`. */
export function grpcRateLimitedException(retryAfterMs: number): RpcException {
  const metadata = new Metadata();
  metadata.set('grpc-retry-pushback-ms', String(retryAfterMs));
  return new RpcException({
    code: GrpcStatus.RESOURCE_EXHAUSTED,
    message: rateLimitMessage(retryAfterMs),
    metadata,
  });
}

function rateLimitMessage(retryAfterMs: number): string {
  return `rate limit of mutating calls exceeded; retry after ${retryAfterMs} ms`;
}
