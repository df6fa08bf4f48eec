import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Principal } from '@flywheel/access';

// Keyed by the per-call object (the HTTP request, or the gRPC call), so nothing is written
// onto transport objects and the entry goes away with the call.
const principals = new WeakMap<object, Principal>();

function callKeyOf(context: ExecutionContext): object | undefined {
  const key: unknown =
    context.getType() === 'http' ? context.switchToHttp().getRequest() : context.getArgByIndex(2);
  return typeof key === 'object' && key !== null ? key : undefined;
}

export function attachPrincipal(context: ExecutionContext, principal: Principal): void {
  const key = callKeyOf(context);
  if (key) principals.set(key, principal);
}

/** The principal `AuthGuard` admitted for this call, or undefined when no guard ran. */
export function principalOf(context: ExecutionContext): Principal | undefined {
  const key = callKeyOf(context);
  return key ? principals.get(key) : undefined;
}

/**
 * Handler parameter holding the caller: `create(@Payload() req, @CurrentPrincipal() who: Principal)`.
 * Throws when `AuthGuard` did not run for the handler, so a missing guard is loud, not anonymous.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context);
    if (!principal)
      throw new Error(`@CurrentPrincipal() used on ${context.getClass().name} without AuthGuard`);
    return principal;
  },
);
