import type { Metadata } from '@grpc/grpc-js';
import type { Principal } from '@flywheel/access';
import type { Actor } from '../domain/actor';
import { requestIdOr } from '../domain/request-id';

/** The caller of a gRPC call, for the audit log; the request id comes from `x-request-id` metadata. */
export function grpcActor(principal: Principal, metadata: Metadata | undefined): Actor {
  return { principal, requestId: requestIdOr(metadata?.get('x-request-id')[0]) };
}
