import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type RoutePolicyTable, assertValidRouteTable } from '@flywheel/access';
import { AccessGate } from './access-gate';
import { AuthGuard } from './auth.guard';
import { AUTH_ENABLED, AUTHENTICATOR, type CredentialAuthenticator, ROUTE_POLICY } from './auth-tokens';
import { CallRateLimiter } from './call-rate-limiter';

export interface AuthGuardSetup {
  routes: RoutePolicyTable;
  enabled: boolean;
  /** Required when `enabled`; e.g. an `ApiKeyAuthenticator` from `@flywheel/identity`. */
  authenticator?: CredentialAuthenticator;
  /** Rate limit of mutating calls per principal; omitted: none. */
  rateLimiter?: CallRateLimiter;
}

/**
 * Providers that install `AuthGuard` for every controller of the module's application
 * (gRPC and HTTP alike), and the `AccessGate` it decides with (which the kit's direct gRPC
 * methods use too): put them in the root module's `providers`.
 */
export function authGuardProviders(setup: AuthGuardSetup): Provider[] {
  return [
    { provide: ROUTE_POLICY, useValue: assertValidRouteTable(setup.routes) },
    { provide: AUTH_ENABLED, useValue: setup.enabled },
    ...(setup.authenticator ? [{ provide: AUTHENTICATOR, useValue: setup.authenticator }] : []),
    ...(setup.rateLimiter ? [{ provide: CallRateLimiter, useValue: setup.rateLimiter }] : []),
    AccessGate,
    { provide: APP_GUARD, useClass: AuthGuard },
  ];
}
