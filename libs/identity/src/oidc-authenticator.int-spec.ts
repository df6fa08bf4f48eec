import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type JWK, type JWTPayload, type KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { OidcAuthenticator, type OidcAuthenticatorOptions } from './oidc-authenticator';
import { OidcKeySetUnavailableError } from './oidc-failure';

// A real identity provider's side of the exchange: keys generated here, their public halves
// served as a JWKS by a node:http server on loopback, tokens signed with jose.

const ISSUER = 'https://idp.flywheel.test/realms/ml';
const AUDIENCE = 'flywheel';
const NOW = new Date('2026-03-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  jwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function sign(key: SigningKey, claims: JWTPayload, header: { kid?: string } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: header.kid ?? key.kid }).sign(key.privateKey);
}

const validClaims = (extra: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'u-42',
  email: 'ada@example.com',
  exp: nowSeconds + 300,
  iat: nowSeconds - 10,
  realm_access: { roles: ['offline_access', 'ml-deployers'] },
  ...extra,
});

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('OidcAuthenticator against a JWKS served over HTTP', () => {
  let server: Server;
  let jwksUrl: string;
  let served: JWK[];
  let fetches = 0;
  let rsa: SigningKey;
  let ec: SigningKey;
  let stranger: SigningKey;

  const authenticator = (overrides: Partial<OidcAuthenticatorOptions> = {}) =>
    new OidcAuthenticator({
      issuer: ISSUER,
      jwksUrl,
      audience: [AUDIENCE, 'other-service'],
      roleClaim: 'realm_access.roles',
      roleMapping: { 'ml-deployers': 'deployer' },
      now: () => NOW,
      ...overrides,
    });

  beforeAll(async () => {
    rsa = await signingKey('rsa-1', 'RS256');
    ec = await signingKey('ec-1', 'ES256');
    stranger = await signingKey('rsa-1', 'RS256'); // same kid as a real key, other key material
    served = [rsa.jwk, ec.jwk];
    server = createServer((request, response) => {
      fetches += 1;
      if (request.url !== '/jwks') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('maps a valid RS256 token to an oidc principal with the role its groups grant', async () => {
    await expect(authenticator().authenticate(await sign(rsa, validClaims()))).resolves.toEqual({
      ok: true,
      principal: { id: 'u-42', kind: 'oidc', role: 'deployer', name: 'ada@example.com' },
    });
  });

  it('accepts ES256 tokens and an audience array naming this service', async () => {
    const token = await sign(ec, validClaims({ aud: ['account', AUDIENCE], realm_access: { roles: ['admin'] } }));
    await expect(authenticator().authenticate(token)).resolves.toMatchObject({
      ok: true,
      principal: { role: 'admin' },
    });
  });

  it.each<[string, JWTPayload, string, string]>([
    ['another issuer', { iss: 'https://evil.test' }, 'invalid_issuer', `token issuer is not ${ISSUER}`],
    ['another audience', { aud: 'billing' }, 'invalid_audience', 'token audience does not name this service'],
    ['an expired token', { exp: nowSeconds - 120 }, 'expired', 'token expired (exp 2026-03-01T11:58:00.000Z)'],
    ['a token valid only later', { nbf: nowSeconds + 600 }, 'not_yet_valid', 'token is not valid before 2026-03-01T12:10:00.000Z'],
    ['a token without exp', { exp: undefined }, 'expired', 'token is expired or has no numeric exp'],
    ['a token without sub', { sub: undefined }, 'missing_subject', 'sub claim is missing'],
    ['a token granting no role', { realm_access: { roles: ['offline_access'] } }, 'no_role', 'claim realm_access.roles grants no Flywheel role'],
  ])('refuses %s', async (_what, claims, reason, message) => {
    const token = await sign(rsa, validClaims(claims));
    await expect(authenticator().authenticate(token)).resolves.toEqual({ ok: false, reason, message });
  });

  it('tolerates the configured clock skew on exp', async () => {
    const token = await sign(rsa, validClaims({ exp: nowSeconds - 30 }));
    await expect(authenticator({ clockSkewSeconds: 60 }).authenticate(token)).resolves.toMatchObject({ ok: true });
    await expect(authenticator({ clockSkewSeconds: 0 }).authenticate(token)).resolves.toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a token signed by other key material under a known kid', async () => {
    await expect(authenticator().authenticate(await sign(stranger, validClaims()))).resolves.toEqual({
      ok: false,
      reason: 'signature',
      message: 'token signature does not verify with the identity provider key',
    });
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await sign(rsa, validClaims())).split('.');
    const forged = [header, base64url(validClaims({ realm_access: { roles: ['admin'] } })), signature].join('.');
    await expect(authenticator().authenticate(forged)).resolves.toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses a token naming a kid the identity provider does not publish', async () => {
    const unknown = await signingKey('rsa-unknown', 'RS256');
    await expect(authenticator().authenticate(await sign(unknown, validClaims()))).resolves.toEqual({
      ok: false,
      reason: 'unknown_key',
      message: 'no single key of the identity provider matches the token (kid, alg)',
    });
  });

  it.each([
    ['none', `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(validClaims())}.`],
    ['HS256', `${base64url({ alg: 'HS256', kid: 'rsa-1' })}.${base64url(validClaims())}.c2lnbmF0dXJl`],
  ])('refuses alg %s before looking at any key', async (_alg, token) => {
    await expect(authenticator().authenticate(token)).resolves.toEqual({
      ok: false,
      reason: 'algorithm',
      message: 'token algorithm is not accepted; expected one of RS256, ES256',
    });
  });

  it.each(['', 'not-a-jwt', 'a.b.c', 'fwk_abcdefghijkl_secret'])('refuses the malformed token %j', async (token) => {
    await expect(authenticator().authenticate(token)).resolves.toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('fetches the key set once, and again for a rotated key only after the cooldown', async () => {
    const verifier = authenticator({ jwks: { cooldownMs: 60_000 } });
    const before = fetches;
    await expect(verifier.authenticate(await sign(rsa, validClaims()))).resolves.toMatchObject({ ok: true });
    await expect(verifier.authenticate(await sign(ec, validClaims()))).resolves.toMatchObject({ ok: true });
    expect(fetches - before).toBe(1);

    const rotated = await signingKey('rsa-2', 'RS256');
    served = [...served, rotated.jwk];
    try {
      // Inside the cooldown an unknown kid does not trigger a fetch (a flood of forged kids costs nothing).
      await expect(verifier.authenticate(await sign(rotated, validClaims()))).resolves.toMatchObject({
        reason: 'unknown_key',
      });
      expect(fetches - before).toBe(1);

      const eager = authenticator({ jwks: { cooldownMs: 0 } });
      await expect(eager.authenticate(await sign(rsa, validClaims()))).resolves.toMatchObject({ ok: true });
      await expect(eager.authenticate(await sign(rotated, validClaims()))).resolves.toMatchObject({ ok: true });
    } finally {
      served = served.filter((jwk) => jwk.kid !== 'rsa-2');
    }
  });

  it('throws OidcKeySetUnavailableError when the key set cannot be fetched, without blaming the token', async () => {
    const verifier = authenticator({ jwksUrl: jwksUrl.replace('/jwks', '/missing') });
    const attempt = verifier.authenticate(await sign(rsa, validClaims()));
    await expect(attempt).rejects.toThrow(OidcKeySetUnavailableError);
    await expect(verifier.authenticate(await sign(rsa, validClaims()))).rejects.toThrow(
      /cannot read the OIDC key set from http:\/\/127\.0\.0\.1:\d+\/missing: Expected 200 OK/,
    );
  });

  it('refuses a JWKS address that is plain http off loopback', () => {
    expect(() => authenticator({ jwksUrl: 'http://idp.example.com/jwks' })).toThrow(
      'OIDC JWKS URL must use https:// (http:// only on a loopback address)',
    );
    expect(() => authenticator({ jwksUrl: 'idp/jwks' })).toThrow('OIDC JWKS URL must be an absolute https:// URL');
    expect(() => authenticator({ jwksUrl: 'https://idp.example.com/jwks' })).not.toThrow();
  });
});
