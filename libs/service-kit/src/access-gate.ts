import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Principal, type RoutePolicyTable, authorize, isUnguarded, parseBearer } from '@flywheel/access';
import { denialException } from './auth-denial';
import { AUTH_ENABLED, AUTHENTICATOR, type CredentialAuthenticator, ROUTE_POLICY } from './auth-tokens';
import type { GuardedTransport } from './auth-transport';
import { CallRateLimiter } from './call-rate-limiter';

/** An admitted call: who makes it, and how long to wait first when it is over the rate limit. */
export interface Admission {
  principal: Principal;
  /** Set when the principal is over its rate limit for this (mutating) route. */
  retryAfterMs?: number;
}

interface Credential {
  principal?: Principal;
  /** Why the presented credential was not accepted; folded into the denial message. */
  failure?: string;
}

/**
 * The access decision for one call, whatever serves it (`AuthGuard` for Nest handlers, the
 * kit's direct gRPC methods): finds the route's entry in the policy table, authenticates the
 * `authorization` credential when the route needs one, asks `authorize` (deny by default: an
 * undeclared route is refused even with authentication off) and checks the rate limit.
 */
@Injectable()
export class AccessGate {
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

  /**
   * Admits a call of `routeId` presenting the credential `authorization()` reads (the raw header
   * or metadata values; read only when the route needs a credential).
   * @throws the transport's UNAUTHENTICATED / PERMISSION_DENIED (401 / 403) error when refused.
   */
  async admit(
    routeId: string,
    transport: GuardedTransport,
    authorization: () => string | string[] | undefined,
  ): Promise<Admission> {
    const requirement = Object.hasOwn(this.table, routeId) ? this.table[routeId] : undefined;
    // Public routes (health, readiness) never touch the key store, so probes keep working
    // while the database is down and a stray header cannot fail them. Forwarded routes leave
    // the credential to the service they forward to.
    const credential =
      this.authEnabled && !isUnguarded(requirement) ? await this.authenticate(authorization()) : {};
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
    return { principal: result.principal, ...(retryAfterMs !== undefined && { retryAfterMs }) };
  }

  private async authenticate(header: string | string[] | undefined): Promise<Credential> {
    const bearer = parseBearer(header);
    if (!bearer.ok) return bearer.reason === 'missing' ? {} : { failure: bearer.message };
    const verdict = await this.authenticator!.authenticate(bearer.token);
    return verdict.ok ? { principal: verdict.principal } : { failure: verdict.message };
  }
}
