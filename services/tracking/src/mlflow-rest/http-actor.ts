import type { FastifyRequest } from 'fastify';
import type { Principal } from '@flywheel/access';
import type { Actor } from '../domain/actor';
import { requestIdOr } from '../domain/request-id';

/** The caller of an HTTP request, for the audit log. */
export function httpActor(principal: Principal, request: FastifyRequest): Actor {
  return { principal, requestId: requestIdOr(request.headers['x-request-id']) };
}
