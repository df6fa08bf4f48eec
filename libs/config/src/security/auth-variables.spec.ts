import { ConfigError } from '../config-error';
import { loadPlatformConfig } from '../platform-config';
import { redactSecrets } from '../redact';

const PEPPER = 'a-pepper-of-24-characters';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('authentication variables', () => {
  it('leaves authentication off by default', () => {
    expect(loadPlatformConfig({}).auth).toEqual({ enabled: false });
  });

  it('turns authentication on with FLYWHEEL_AUTH=on and a pepper', () => {
    expect(loadPlatformConfig({ FLYWHEEL_AUTH: 'on', FLYWHEEL_AUTH_PEPPER: PEPPER }).auth).toEqual({
      enabled: true,
      pepper: PEPPER,
    });
  });

  it('requires a pepper of at least 16 characters when authentication is on, never echoing it', () => {
    expect(problemsOf({ FLYWHEEL_AUTH: 'on' })).toEqual([
      'FLYWHEEL_AUTH_PEPPER: is required when FLYWHEEL_AUTH=on (or set FLYWHEEL_AUTH_PEPPER_FILE)',
    ]);
    const problems = problemsOf({ FLYWHEEL_AUTH: 'on', FLYWHEEL_AUTH_PEPPER: 'short-pepper' });
    expect(problems).toEqual(['FLYWHEEL_AUTH_PEPPER: must be a secret of at least 16 characters']);
    expect(problems.join()).not.toContain('short-pepper');
  });

  it('refuses values of FLYWHEEL_AUTH other than on and off', () => {
    expect(problemsOf({ FLYWHEEL_AUTH: 'yes' })).toEqual([
      'FLYWHEEL_AUTH: expected one of on, off, got "yes"',
    ]);
  });

  it('configures OIDC from issuer, JWKS URL and audience, with the default role claim', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_OIDC_ISSUER: 'https://login.example.com/realms/ml',
      FLYWHEEL_OIDC_JWKS_URL: 'https://login.example.com/realms/ml/certs',
      FLYWHEEL_OIDC_AUDIENCE: 'flywheel',
    });
    expect(config.auth.oidc).toEqual({
      issuer: 'https://login.example.com/realms/ml',
      jwksUrl: 'https://login.example.com/realms/ml/certs',
      audience: 'flywheel',
      roleClaim: 'flywheel_role',
    });
  });

  it('wants the OIDC issuer, JWKS URL and audience together', () => {
    expect(problemsOf({ FLYWHEEL_OIDC_ISSUER: 'https://login.example.com' })).toEqual([
      'FLYWHEEL_OIDC_JWKS_URL: is required when FLYWHEEL_OIDC_ISSUER is set',
      'FLYWHEEL_OIDC_AUDIENCE: is required when FLYWHEEL_OIDC_ISSUER is set',
    ]);
  });

  it('accepts a plain-http JWKS URL on loopback only', () => {
    const oidc = { FLYWHEEL_OIDC_ISSUER: 'https://idp', FLYWHEEL_OIDC_AUDIENCE: 'flywheel' };
    expect(problemsOf({ ...oidc, FLYWHEEL_OIDC_JWKS_URL: 'http://127.0.0.1:8080/jwks' })).toEqual([]);
    expect(problemsOf({ ...oidc, FLYWHEEL_OIDC_JWKS_URL: 'http://idp.internal/jwks' })).toEqual([
      'FLYWHEEL_OIDC_JWKS_URL: must be https (plain http is accepted on loopback only)',
    ]);
  });

  it('keeps the service key this process presents, refusing one a header cannot carry', () => {
    expect(loadPlatformConfig({ FLYWHEEL_SERVICE_API_KEY: 'fwk_abc_def' }).auth.serviceKey).toBe(
      'fwk_abc_def',
    );
    const problems = problemsOf({ FLYWHEEL_SERVICE_API_KEY: 'fwk secret\n' });
    expect(problems).toEqual([
      'FLYWHEEL_SERVICE_API_KEY: must be an API key (letters, digits and -._~+/ only)',
    ]);
  });

  it('redacts the pepper and the service key when the configuration is printed', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_AUTH: 'on',
      FLYWHEEL_AUTH_PEPPER: PEPPER,
      FLYWHEEL_SERVICE_API_KEY: 'fwk_abc_def',
    });
    expect(JSON.stringify(redactSecrets(config))).not.toMatch(/a-pepper-of|fwk_abc_def/);
  });
});
