import { RpcException } from '@nestjs/microservices';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { OrchestrationError, type OrchestrationErrorCode } from '../orchestration-error';

const GRPC_STATUS: Record<OrchestrationErrorCode, GrpcStatus> = {
  not_found: GrpcStatus.NOT_FOUND,
  invalid_argument: GrpcStatus.INVALID_ARGUMENT,
  failed_precondition: GrpcStatus.FAILED_PRECONDITION,
};

/** Runs a handler body, turning orchestration errors into RpcExceptions with the matching status. */
export async function grpcCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OrchestrationError)
      throw new RpcException({ code: GRPC_STATUS[error.code], message: error.message });
    throw error;
  }
}
