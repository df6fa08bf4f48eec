import type { Principal } from '@flywheel/access';
import { type Caller, callerOf } from '../domain/caller';

export interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
}

/** The caller of an HTTP request: the guard's principal and the `x-request-id` header, if sent. */
export function httpCaller(principal: Principal, request: HttpRequestLike): Caller {
  return callerOf(principal, header(request, 'x-request-id'));
}

/** The `authorization` header, forwarded when the registry asks the tracking service on the caller's behalf. */
export function httpAuthorization(request: HttpRequestLike): string | undefined {
  return header(request, 'authorization');
}

function header(request: HttpRequestLike, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
