import type { Principal } from '@flywheel/access';
import { BearerTokenAuthenticator, type TokenVerifier } from './bearer-token-authenticator';

function verifier(kind: Principal['kind'], seen: string[]): TokenVerifier {
  return {
    authenticate: (token) => {
      seen.push(`${kind}:${token}`);
      return Promise.resolve({ ok: true, principal: { id: token, kind, role: 'viewer', name: kind } });
    },
  };
}

describe('BearerTokenAuthenticator', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';

  it('sends API keys to the key store and JWTs to the OIDC verifier', async () => {
    const seen: string[] = [];
    const authenticator = new BearerTokenAuthenticator(verifier('api_key', seen), verifier('oidc', seen));
    await authenticator.authenticate('fwk_abcdefghijkl_secret');
    await authenticator.authenticate(jwt);
    expect(seen).toEqual(['api_key:fwk_abcdefghijkl_secret', `oidc:${jwt}`]);
  });

  it('refuses JWTs when no OIDC issuer is configured, naming the variable', async () => {
    const authenticator = new BearerTokenAuthenticator(verifier('api_key', []));
    await expect(authenticator.authenticate(jwt)).resolves.toEqual({
      ok: false,
      message: 'OIDC tokens are not accepted here: no FLYWHEEL_OIDC_ISSUER is configured',
    });
  });

  it('refuses tokens of neither shape without asking anyone', async () => {
    const seen: string[] = [];
    const authenticator = new BearerTokenAuthenticator(verifier('api_key', seen), verifier('oidc', seen));
    await expect(authenticator.authenticate('some-opaque-token')).resolves.toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });
});
