import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import {
  DEFAULT_CLOCK_SKEW_SECONDS,
  type OidcClaimsConfig,
  type Principal,
  principalFromOidcClaims,
} from '@flywheel/access';
import { OidcKeySetUnavailableError, type OidcTokenRejection, rejectionOf } from './oidc-failure';
import { jwksUrlOf } from './jwks-url';

/** Signature algorithms accepted: the ones identity providers use by default. `none` and HMAC never. */
export const OIDC_ALGORITHMS: readonly string[] = Object.freeze(['RS256', 'ES256']);

export interface OidcAuthenticatorOptions extends OidcClaimsConfig {
  /** Where the identity provider publishes its signing keys: https, or http on loopback only. */
  jwksUrl: string;
  /** Key-set fetching: how long a fetched set is used (default 10 min), the least time between two
   * fetches triggered by unknown `kid`s (default 30 s) and the fetch timeout (default 5 s). */
  jwks?: { cacheMaxAgeMs?: number; cooldownMs?: number; timeoutMs?: number };
  now?: () => Date;
}

export type OidcVerification = { ok: true; principal: Principal } | OidcTokenRejection;

/**
 * Verifies OIDC access or ID tokens (JWTs) for single sign-on: the signature against the
 * identity provider's JWKS (selected by `kid`, RS256 or ES256), then issuer, audience, `exp`
 * and `nbf` (with the clock skew), then maps the claims to a principal with
 * `principalFromOidcClaims`. The key set is fetched on first use, cached, and fetched again when
 * a token names an unknown `kid` (key rotation), at most once per cooldown.
 */
export class OidcAuthenticator {
  private readonly keys: JWTVerifyGetKey;
  private readonly jwksUrl: string;
  private readonly now: () => Date;

  constructor(private readonly options: OidcAuthenticatorOptions) {
    if (options.issuer.trim() === '') throw new Error('OIDC issuer must not be empty');
    if (options.roleClaim.trim() === '') throw new Error('OIDC role claim must not be empty');
    const audiences = typeof options.audience === 'string' ? [options.audience] : options.audience;
    if (audiences.length === 0 || audiences.some((aud) => aud.trim() === ''))
      throw new Error('OIDC audience must name at least one non-empty audience');
    const url = jwksUrlOf(options.jwksUrl);
    this.jwksUrl = url.href;
    this.keys = createRemoteJWKSet(url, {
      cacheMaxAge: options.jwks?.cacheMaxAgeMs ?? 600_000,
      cooldownDuration: options.jwks?.cooldownMs ?? 30_000,
      timeoutDuration: options.jwks?.timeoutMs ?? 5_000,
    });
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The principal of a valid token, or why it is refused. Never throws for a bad token.
   * @throws OidcKeySetUnavailableError when the key set cannot be fetched or parsed.
   */
  async authenticate(token: string): Promise<OidcVerification> {
    const now = this.now();
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, this.keys, {
        algorithms: [...OIDC_ALGORITHMS],
        issuer: this.options.issuer,
        audience: typeof this.options.audience === 'string' ? this.options.audience : [...this.options.audience],
        clockTolerance: this.options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
        currentDate: now,
      });
      claims = verified.payload;
    } catch (error) {
      const rejection = rejectionOf(error, { issuer: this.options.issuer, algorithms: OIDC_ALGORITHMS });
      if (rejection) return rejection;
      throw new OidcKeySetUnavailableError(this.jwksUrl, error);
    }
    // Requires exp and sub and grants the role; issuer, audience and times are checked again there.
    return principalFromOidcClaims(claims, this.options, now);
  }
}
