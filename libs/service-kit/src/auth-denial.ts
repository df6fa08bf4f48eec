import { HttpStatus } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { AuthorizeDenial } from '@flywheel/access';
import type { GuardedTransport } from './auth-transport';
import { kitHttpError } from './http-error';

/** MLflow-style error codes, so REST clients (the mlflow client included) read them as usual. */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'PERMISSION_DENIED';

function errorCodeOf(reason: AuthorizeDenial): AuthErrorCode {
  switch (reason) {
    case 'unauthenticated':
      return 'UNAUTHENTICATED';
    case 'forbidden':
    case 'unknown_route':
      return 'PERMISSION_DENIED';
  }
}

/** gRPC: `UNAUTHENTICATED` / `PERMISSION_DENIED`; HTTP: 401 / 403 with `{ error_code, message }`. */
export function denialException(
  transport: GuardedTransport,
  reason: AuthorizeDenial,
  message: string,
): Error {
  const errorCode = errorCodeOf(reason);
  switch (transport) {
    case 'grpc':
      return new RpcException({
        code: errorCode === 'UNAUTHENTICATED' ? GrpcStatus.UNAUTHENTICATED : GrpcStatus.PERMISSION_DENIED,
        message,
      });
    case 'http':
      return kitHttpError(
        errorCode === 'UNAUTHENTICATED' ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
        errorCode,
        message,
      );
  }
}
