import { status as GrpcStatus } from '@grpc/grpc-js';
import { TrafficPolicyError } from '@flywheel/traffic-policy';
import { InferenceError, type InferenceErrorKind } from './inference-error';

const GRPC_CODES: Record<InferenceErrorKind, GrpcStatus> = {
  invalid_argument: GrpcStatus.INVALID_ARGUMENT,
  not_found: GrpcStatus.NOT_FOUND,
  unavailable: GrpcStatus.UNAVAILABLE,
  resource_exhausted: GrpcStatus.RESOURCE_EXHAUSTED,
  deadline_exceeded: GrpcStatus.DEADLINE_EXCEEDED,
  internal: GrpcStatus.INTERNAL,
};

const HTTP_CODES: Record<InferenceErrorKind, number> = {
  invalid_argument: 400,
  not_found: 404,
  unavailable: 503,
  resource_exhausted: 429,
  deadline_exceeded: 504,
  internal: 500,
};

/** Any failure as an InferenceError; unexpected errors become `internal` with their message. */
export function asInferenceError(error: unknown): InferenceError {
  if (error instanceof InferenceError) return error;
  if (error instanceof TrafficPolicyError) return new InferenceError('unavailable', `traffic policy: ${error.message}`);
  return new InferenceError('internal', error instanceof Error ? error.message : String(error));
}

export const grpcCodeOf = (error: InferenceError): GrpcStatus => GRPC_CODES[error.kind];
export const httpStatusOf = (error: InferenceError): number => HTTP_CODES[error.kind];
