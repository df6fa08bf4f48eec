import { type OidcClaimsConfig, principalFromOidcClaims } from './oidc-claims';

const now = new Date('2026-06-01T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const config: OidcClaimsConfig = {
  issuer: 'https://idp.example',
  audience: ['flywheel', 'other'],
  roleClaim: 'roles',
};
const valid = {
  iss: 'https://idp.example',
  aud: 'flywheel',
  sub: 'user-1',
  email: 'ada@example.com',
  exp: nowSeconds + 300,
  roles: ['viewer'],
};

describe('principalFromOidcClaims', () => {
  it('maps verified claims to an oidc principal named by e-mail', () => {
    expect(principalFromOidcClaims(valid, config, now)).toEqual({
      ok: true,
      principal: { id: 'user-1', kind: 'oidc', role: 'viewer', name: 'ada@example.com' },
    });
  });

  it('grants the highest role among several and ignores unknown names', () => {
    const result = principalFromOidcClaims(
      { ...valid, roles: ['viewer', 'ops', 'deployer', 42] },
      config,
      now,
    );
    expect(result).toMatchObject({ ok: true, principal: { role: 'deployer' } });
  });

  it('reads a single-valued claim at a dotted path through a group mapping', () => {
    const keycloak = {
      ...config,
      roleClaim: 'realm_access.flywheel_role',
      roleMapping: { 'ml-admins': 'admin' as const },
    };
    const result = principalFromOidcClaims(
      { ...valid, realm_access: { flywheel_role: 'ml-admins' } },
      keycloak,
      now,
    );
    expect(result).toMatchObject({ ok: true, principal: { role: 'admin' } });
  });

  it('falls back to the subject when the name claim is absent', () => {
    const { email: _, ...claims } = valid;
    expect(principalFromOidcClaims(claims, config, now)).toMatchObject({ principal: { name: 'user-1' } });
  });

  it('accepts exp and nbf within the clock skew', () => {
    const claims = { ...valid, exp: nowSeconds - 30, nbf: nowSeconds + 30 };
    expect(principalFromOidcClaims(claims, config, now).ok).toBe(true);
    expect(principalFromOidcClaims(claims, { ...config, clockSkewSeconds: 10 }, now)).toMatchObject({
      reason: 'expired',
    });
  });

  it.each([
    ['invalid_issuer', { iss: 'https://evil.example' }],
    ['invalid_audience', { aud: ['someone-else'] }],
    ['invalid_audience', { aud: undefined }],
    ['expired', { exp: nowSeconds - 61 }],
    ['expired', { exp: undefined }],
    ['expired', { exp: String(nowSeconds + 300) }],
    ['not_yet_valid', { nbf: nowSeconds + 61 }],
    ['not_yet_valid', { nbf: 'soon' }],
    ['missing_subject', { sub: '' }],
    ['no_role', { roles: ['ops'] }],
    ['no_role', { roles: undefined }],
    ['no_role', { roles: 'toString' }],
  ])('rejects with %s for %j', (reason, override) => {
    expect(principalFromOidcClaims({ ...valid, ...override }, config, now)).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('does not resolve role claims through the prototype chain', () => {
    const result = principalFromOidcClaims(valid, { ...config, roleClaim: 'constructor.name' }, now);
    expect(result).toMatchObject({ reason: 'no_role' });
  });
});
