import { API_KEY_PREFIX, type Principal } from '@flywheel/access';

/** Turns one kind of bearer token into a principal, or says why not (API keys, OIDC JWTs). */
export interface TokenVerifier {
  authenticate(token: string): Promise<{ ok: true; principal: Principal } | { ok: false; message: string }>;
}

export type BearerVerification = { ok: true; principal: Principal } | { ok: false; message: string };

// Three base64url segments: header, payload, signature (compact JWS).
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The process's one authenticator: Flywheel API keys (`fwk_…`) go to the key store, JWT-shaped
 * tokens to the OIDC verifier when one is configured. The shapes cannot overlap (an API key has
 * no dots), so no token is ever tried twice.
 */
export class BearerTokenAuthenticator implements TokenVerifier {
  constructor(
    private readonly apiKeys: TokenVerifier,
    private readonly oidc?: TokenVerifier,
  ) {}

  authenticate(token: string): Promise<BearerVerification> {
    if (token.startsWith(`${API_KEY_PREFIX}_`)) return this.apiKeys.authenticate(token);
    if (JWT_SHAPE.test(token)) {
      return this.oidc
        ? this.oidc.authenticate(token)
        : refuse('OIDC tokens are not accepted here: no FLYWHEEL_OIDC_ISSUER is configured');
    }
    return refuse(`the bearer token is neither a Flywheel API key (${API_KEY_PREFIX}_…) nor a JWT`);
  }
}

function refuse(message: string): Promise<BearerVerification> {
  return Promise.resolve({ ok: false, message });
}
