import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AccessGate } from './access-gate';
import { attachPrincipal } from './auth-principal';
import { authorizationOf } from './auth-credential';
import { routeIdOf } from './auth-route-id';
import { transportOf } from './auth-transport';
import { rateLimitedException } from './rate-limit-denial';

/**
 * The one guard for every gRPC method and HTTP route served through Nest: the handler's route
 * id and credential go to the `AccessGate` (deny by default), an over-limit principal gets the
 * transport's rate-limit answer, and admitted principals are available to handlers through
 * `@CurrentPrincipal()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(AccessGate) private readonly gate: AccessGate) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const transport = transportOf(context);
    if (!transport) {
      throw new Error(
        `AuthGuard guards gRPC and HTTP handlers only, not ${context.getType()} (${context.getClass().name})`,
      );
    }
    const routeId =
      routeIdOf(context, transport) ?? `${transport}:<unresolved route of ${context.getClass().name}>`;
    const admission = await this.gate.admit(routeId, transport, () => authorizationOf(context, transport));
    if (admission.retryAfterMs !== undefined)
      throw rateLimitedException(context, transport, admission.retryAfterMs);
    attachPrincipal(context, admission.principal);
    return true;
  }
}
