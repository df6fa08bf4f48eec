import type { Metadata } from '@grpc/grpc-js';
import type { Principal } from '@flywheel/access';
import { type Caller, callerOf } from '../domain/caller';

/** The caller of a gRPC call: the guard's principal and the `x-request-id` metadata, if sent. */
export function grpcCaller(principal: Principal, metadata: Metadata | undefined): Caller {
  return callerOf(principal, firstString(metadata, 'x-request-id'));
}

/** The `authorization` metadata, forwarded when the registry asks the tracking service on the caller's behalf. */
export function grpcAuthorization(metadata: Metadata | undefined): string | undefined {
  return firstString(metadata, 'authorization');
}

function firstString(metadata: Metadata | undefined, key: string): string | undefined {
  const value = metadata?.get(key)[0];
  return typeof value === 'string' ? value : undefined;
}
