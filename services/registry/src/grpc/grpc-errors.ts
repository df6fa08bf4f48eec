import { RpcException } from '@nestjs/microservices';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { RegistryErrorCode } from '../domain/registry-error';
import { registryErrorOf } from '../domain/transport-error';

const GRPC_STATUS: Record<RegistryErrorCode, GrpcStatus> = {
  not_found: GrpcStatus.NOT_FOUND,
  already_exists: GrpcStatus.ALREADY_EXISTS,
  invalid_argument: GrpcStatus.INVALID_ARGUMENT,
  approval_required: GrpcStatus.PERMISSION_DENIED,
  permission_denied: GrpcStatus.PERMISSION_DENIED,
  failed_precondition: GrpcStatus.FAILED_PRECONDITION,
  alias_not_set: GrpcStatus.NOT_FOUND,
};

/** Runs a handler body, turning registry errors into RpcExceptions with the matching status. */
export async function grpcCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const known = registryErrorOf(error);
    if (known) throw new RpcException({ code: GRPC_STATUS[known.code], message: known.message });
    throw error;
  }
}
