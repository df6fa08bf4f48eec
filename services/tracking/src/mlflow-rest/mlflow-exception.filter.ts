import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { TrackingError } from '../domain/tracking-error';
import { MLFLOW_ERROR_STATUS, MlflowError, type MlflowErrorBody, mlflowCodeOf } from './mlflow-error';

/**
 * Answers every failure of the MLflow REST routes the way MLflow's server does: the HTTP status
 * of the error code and `{ error_code, message }`. Errors the kit raises (authentication,
 * limits) already carry that shape and pass through; anything unexpected is INTERNAL_ERROR and
 * logged, without internals in the response.
 */
@Catch()
export class MlflowExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('MlflowRest');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.responseOf(error);
    if (reply.sent || reply.raw.headersSent) {
      // A streamed download failed after its first bytes: only cutting the connection tells.
      reply.raw.destroy(error instanceof Error ? error : undefined);
      return;
    }
    void reply.status(status).type('application/json').send(body);
  }

  private responseOf(error: unknown): { status: number; body: MlflowErrorBody } {
    if (error instanceof TrackingError) {
      const code = mlflowCodeOf(error.kind);
      return { status: MLFLOW_ERROR_STATUS[code], body: { error_code: code, message: error.message } };
    }
    if (error instanceof MlflowError) {
      return { status: error.status, body: { error_code: error.errorCode, message: error.message } };
    }
    if (error instanceof HttpException) return { status: error.getStatus(), body: httpBodyOf(error) };
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      status: 500,
      body: { error_code: 'INTERNAL_ERROR', message: 'internal error; see the tracking service log' },
    };
  }
}

function httpBodyOf(error: HttpException): MlflowErrorBody {
  const response = error.getResponse();
  if (
    typeof response === 'object' &&
    response !== null &&
    'error_code' in response &&
    'message' in response
  ) {
    return { error_code: String(response.error_code), message: String(response.message) };
  }
  const code =
    error.getStatus() === 404
      ? 'ENDPOINT_NOT_FOUND'
      : error.getStatus() >= 500
        ? 'INTERNAL_ERROR'
        : 'BAD_REQUEST';
  return { error_code: code, message: error.message };
}
