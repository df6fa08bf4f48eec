import { randomUUID } from 'node:crypto';
import type { Principal } from '@flywheel/access';

/** Who asks, as the use cases see it: the authenticated principal and the request's id. */
export interface Caller {
  principal: Principal;
  requestId: string;
}

export function callerOf(principal: Principal, requestId: string | undefined): Caller {
  return { principal, requestId: requestId && requestId.length <= 200 ? requestId : randomUUID() };
}

/** The readable name recorded as `created_by`, event actor and promotion requester. */
export function actorOf(caller: Caller): string {
  return caller.principal.name;
}
