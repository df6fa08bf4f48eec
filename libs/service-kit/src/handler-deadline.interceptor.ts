import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { type Observable, throwError, timeout } from 'rxjs';
import { transportOf } from './auth-transport';
import { kitHttpError } from './http-error';
import { isStreamedBodyRoute } from './http-server-setup';
import { RequestLimits } from './request-limits';

/**
 * A server-side deadline for every gRPC and HTTP handler: a handler whose first response takes
 * longer than `requestTimeoutMs` fails the call with gRPC `DEADLINE_EXCEEDED` / HTTP 504, so a
 * stuck dependency cannot hold callers forever. Only the first response is timed, so server
 * streams (health Watch) may run on. HTTP routes configured with `STREAMED_BODY` are exempt: an
 * upload's handler lasts as long as the upload (Node still bounds receiving it). The handler's
 * own work is not cancelled: it should bound its I/O with its own timeouts.
 */
@Injectable()
export class HandlerDeadlineInterceptor implements NestInterceptor {
  constructor(@Inject(RequestLimits) private readonly limits: RequestLimits) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const transport = transportOf(context);
    if (!transport) return next.handle();
    if (transport === 'http' && isStreamedBodyRoute(context.switchToHttp().getRequest()))
      return next.handle();
    const ms = this.limits.requestTimeoutMs;
    const message = handlerDeadlineMessage(ms);
    return next.handle().pipe(
      timeout({
        first: ms,
        with: () =>
          throwError(() =>
            transport === 'grpc'
              ? new RpcException({ code: GrpcStatus.DEADLINE_EXCEEDED, message })
              : kitHttpError(HttpStatus.GATEWAY_TIMEOUT, 'DEADLINE_EXCEEDED', message),
          ),
      }),
    );
  }
}

/** What a call that ran past the handler deadline is told. */
export function handlerDeadlineMessage(ms: number): string {
  return `the handler did not answer within ${ms} ms (FLYWHEEL_REQUEST_TIMEOUT_MS)`;
}
