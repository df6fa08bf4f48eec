import type { Role } from './roles';

/**
 * Who is calling. `anonymous` appears only when authentication is off or on a public route;
 * credentials always produce `api_key`, `oidc` or `service`.
 */
export type PrincipalKind = 'api_key' | 'oidc' | 'service' | 'anonymous';

export interface Principal {
  /** Stable identifier within its kind: the API key id, the OIDC subject, the service name. */
  id: string;
  kind: PrincipalKind;
  role: Role;
  /** Human-readable label for logs and audit entries (key name, e-mail, service name). */
  name: string;
}

/** The caller of a public route (health, readiness) when no credential was sent. */
export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({
  id: 'anonymous',
  kind: 'anonymous',
  role: 'viewer',
  name: 'anonymous',
});

/** The caller of every route when authentication is off: local development and standalone mode. */
export const AUTH_DISABLED_PRINCIPAL: Principal = Object.freeze({
  id: 'auth-disabled',
  kind: 'anonymous',
  role: 'admin',
  name: 'authentication disabled',
});

/** Identity for comparisons across kinds: an API key and an OIDC subject never collide. */
export function principalKey(principal: Pick<Principal, 'kind' | 'id'>): string {
  return `${principal.kind}:${principal.id}`;
}
