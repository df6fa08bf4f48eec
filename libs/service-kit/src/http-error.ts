import { HttpException } from '@nestjs/common';

/**
 * Error codes the kit answers HTTP requests with, in MLflow's `{ error_code, message }` shape so
 * REST clients (the mlflow client included) read kit errors like the services' own.
 */
export type KitErrorCode =
  'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'REQUEST_LIMIT_EXCEEDED' | 'DEADLINE_EXCEEDED';

/** The JSON body of every error the kit itself sends over HTTP. */
export interface KitErrorBody {
  error_code: KitErrorCode;
  message: string;
}

/** An `HttpException` Nest renders as `status` with the body `{ error_code, message }`. */
export function kitHttpError(status: number, errorCode: KitErrorCode, message: string): HttpException {
  const body: KitErrorBody = { error_code: errorCode, message };
  return new HttpException(body, status);
}
