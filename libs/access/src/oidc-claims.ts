import type { Principal } from './principal';
import { ROLES, type Role, isRole } from './roles';

export interface OidcClaimsConfig {
  issuer: string;
  /** Accepted audiences; the token's `aud` (string or array) must contain one of them. */
  audience: string | readonly string[];
  /** Dotted path of the claim holding role names: `flywheel_role`, `roles`, `realm_access.roles`. */
  roleClaim: string;
  /** Maps identity-provider group names to roles; names absent here are tried as role names. */
  roleMapping?: Readonly<Record<string, Role>>;
  /** Claim used as the display name; default `email`, falling back to `sub`. */
  nameClaim?: string;
  /** Tolerated clock difference for `exp` and `nbf`; default 60 s. */
  clockSkewSeconds?: number;
}

export type OidcFailure =
  'invalid_issuer' | 'invalid_audience' | 'expired' | 'not_yet_valid' | 'missing_subject' | 'no_role';

export type OidcPrincipalResult =
  { ok: true; principal: Principal } | { ok: false; reason: OidcFailure; message: string };

export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

/**
 * Turns the claims of a JWT whose signature was already verified into a principal. Tokens
 * without `exp` are rejected: a bearer token that never expires is not acceptable here.
 */
export function principalFromOidcClaims(
  claims: Readonly<Record<string, unknown>>,
  config: OidcClaimsConfig,
  now: Date,
): OidcPrincipalResult {
  const skew = config.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const nowSeconds = now.getTime() / 1000;
  if (claims['iss'] !== config.issuer) return fail('invalid_issuer', `iss must be ${config.issuer}`);
  if (!audienceMatches(claims['aud'], config.audience))
    return fail('invalid_audience', 'aud does not name this service');
  const exp = claims['exp'];
  if (typeof exp !== 'number' || !(nowSeconds < exp + skew))
    return fail('expired', 'token is expired or has no numeric exp');
  const nbf = claims['nbf'];
  if (nbf !== undefined && (typeof nbf !== 'number' || nowSeconds < nbf - skew)) {
    return fail('not_yet_valid', 'token is not valid yet (nbf)');
  }
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub === '') return fail('missing_subject', 'sub claim is missing');
  const role = highestRole(claimAt(claims, config.roleClaim), config.roleMapping ?? {});
  if (!role) return fail('no_role', `claim ${config.roleClaim} grants no Flywheel role`);
  const name = claimAt(claims, config.nameClaim ?? 'email');
  return {
    ok: true,
    principal: { id: sub, kind: 'oidc', role, name: typeof name === 'string' && name !== '' ? name : sub },
  };
}

function audienceMatches(aud: unknown, accepted: string | readonly string[]): boolean {
  const wanted = typeof accepted === 'string' ? [accepted] : accepted;
  const presented = Array.isArray(aud) ? aud : [aud];
  return presented.some((value) => typeof value === 'string' && wanted.includes(value));
}

function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

// A user in several groups gets the most privileged role any of them grants.
function highestRole(value: unknown, mapping: Readonly<Record<string, Role>>): Role | undefined {
  const names: unknown[] = Array.isArray(value) ? value : [value];
  const roles = names.flatMap((name) => {
    if (typeof name !== 'string') return [];
    const mapped = Object.hasOwn(mapping, name) ? mapping[name] : undefined;
    if (mapped) return [mapped];
    return isRole(name) ? [name] : [];
  });
  return ROLES.findLast((role) => roles.includes(role));
}

function fail(reason: OidcFailure, message: string): OidcPrincipalResult {
  return { ok: false, reason, message };
}
