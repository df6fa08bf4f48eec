import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { status } from '@grpc/grpc-js';
import { type Observable, throwError } from 'rxjs';
import { TrackingError, type TrackingErrorKind } from '../domain/tracking-error';

const CODE: Record<TrackingErrorKind, status> = {
  invalid_argument: status.INVALID_ARGUMENT,
  not_found: status.NOT_FOUND,
  already_exists: status.ALREADY_EXISTS,
  failed_precondition: status.FAILED_PRECONDITION,
};

/**
 * gRPC status of every failure of the tracking API: refusals map to their code with the
 * message naming the field; errors the kit raises (auth, limits) pass through; anything else is
 * INTERNAL and logged, without internals on the wire.
 */
@Catch()
export class TrackingRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('TrackingGrpc');

  catch(error: unknown): Observable<never> {
    if (error instanceof TrackingError)
      return throwError(() => ({ code: CODE[error.kind], message: error.message }));
    if (error instanceof RpcException) return throwError(() => error.getError());
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return throwError(() => ({
      code: status.INTERNAL,
      message: 'internal error; see the tracking service log',
    }));
  }
}
