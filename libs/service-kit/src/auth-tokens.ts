import type { Principal, RoutePolicyTable } from '@flywheel/access';

/** Injection token for the service's declared `RoutePolicyTable` (every gRPC method and HTTP route). */
export const ROUTE_POLICY = Symbol('flywheel.auth.route-policy');

/** Injection token for a boolean: false in local development and standalone mode. */
export const AUTH_ENABLED = Symbol('flywheel.auth.enabled');

/** Injection token for the `CredentialAuthenticator` (required when authentication is on). */
export const AUTHENTICATOR = Symbol('flywheel.auth.authenticator');

/**
 * Turns a bearer token into a principal or a reason. `ApiKeyAuthenticator` from
 * `@flywheel/identity` fits as is; an OIDC verifier can implement the same shape.
 */
export interface CredentialAuthenticator {
  authenticate(token: string): Promise<{ ok: true; principal: Principal } | { ok: false; message: string }>;
}

export type { RoutePolicyTable };
