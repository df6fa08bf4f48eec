import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { type Principal, type RoutePolicyTable, authorize, isUnguarded, parseBearer } from '@flywheel/access';
import { denialException } from './auth-denial';
import { attachPrincipal } from './auth-principal';
import { AUTH_ENABLED, AUTHENTICATOR, type CredentialAuthenticator, ROUTE_POLICY } from './auth-tokens';
import { authorizationOf } from './auth-credential';
import { routeIdOf } from './auth-route-id';
import { transportOf } from './auth-transport';
import { CallRateLimiter } from './call-rate-limiter';
import { rateLimitedException } from './rate-limit-denial';

interface Credential {
  principal?: Principal;
  /** Why the presented credential was not accepted; folded into the denial message. */
  failure?: string;
}

/**
 * The one guard for every gRPC method and HTTP route: finds the handler's route id in the
 * service's policy table and asks `authorize` (deny by default: an undeclared route is
 * refused even with authentication off), then applies the per-principal rate limit to
 * mutating routes. Admitted principals are available to handlers through `@CurrentPrincipal()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(ROUTE_POLICY) private readonly table: RoutePolicyTable,
    @Inject(AUTH_ENABLED) private readonly authEnabled: boolean,
    @Optional() @Inject(AUTHENTICATOR) private readonly authenticator?: CredentialAuthenticator,
    @Optional() @Inject(CallRateLimiter) private readonly rateLimiter?: CallRateLimiter,
  ) {
    if (authEnabled && !authenticator) {
      throw new Error('authentication is enabled but no AUTHENTICATOR provider is registered');
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const transport = transportOf(context);
    if (!transport) {
      throw new Error(
        `AuthGuard guards gRPC and HTTP handlers only, not ${context.getType()} (${context.getClass().name})`,
      );
    }
    const routeId =
      routeIdOf(context, transport) ?? `${transport}:<unresolved route of ${context.getClass().name}>`;
    const requirement = Object.hasOwn(this.table, routeId) ? this.table[routeId] : undefined;
    // Public routes (health, readiness) never touch the key store, so probes keep working
    // while the database is down and a stray header cannot fail them. Forwarded routes leave
    // the credential to the service they forward to.
    const credential =
      this.authEnabled && !isUnguarded(requirement)
        ? await this.authenticate(authorizationOf(context, transport))
        : {};
    const result = authorize({
      principal: credential.principal,
      routeId,
      table: this.table,
      authEnabled: this.authEnabled,
    });
    if (!result.allowed) {
      const detail =
        result.reason === 'unauthenticated' && credential.failure ? `: ${credential.failure}` : '';
      throw denialException(transport, result.reason, `${result.message}${detail}`);
    }
    const retryAfterMs = this.rateLimiter?.delayFor(requirement, result.principal);
    if (retryAfterMs !== undefined) throw rateLimitedException(context, transport, retryAfterMs);
    attachPrincipal(context, result.principal);
    return true;
  }

  private async authenticate(header: string | string[] | undefined): Promise<Credential> {
    const bearer = parseBearer(header);
    if (!bearer.ok) return bearer.reason === 'missing' ? {} : { failure: bearer.message };
    const verdict = await this.authenticator!.authenticate(bearer.token);
    return verdict.ok ? { principal: verdict.principal } : { failure: verdict.message };
  }
}
