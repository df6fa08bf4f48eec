import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MIN_AUTH_PEPPER_LENGTH, loadPlatformConfig } from '@flywheel/config';
import { type AuditLogRepository, MIN_PEPPER_LENGTH } from '@flywheel/identity';
import { createPgPool } from '@flywheel/postgres';
import { testStack, uniqueName } from '@flywheel/testing';
import { PlatformModule } from './nest/platform.module';
import { AUDIT_LOG } from './nest/platform-tokens';
import { PlatformResources } from './platform-resources';

// The identity resources over the test stack's PostgreSQL, each test in its own schema.

const PEPPER = 'platform-identity-int-pepper';
const { databaseUrl } = testStack();

function resourcesFor(env: Record<string, string>, schema: string): PlatformResources {
  return new PlatformResources(
    loadPlatformConfig({ FLYWHEEL_DATABASE_URL: databaseUrl, ...env }),
    undefined,
    {
      identitySchema: schema,
    },
  );
}

@Injectable()
class Recorder {
  constructor(@Inject(AUDIT_LOG) readonly auditLog: AuditLogRepository) {}
}

describe('PlatformResources identity', () => {
  const schemas: string[] = [];
  const schema = () => {
    const name = uniqueName('platform_identity');
    schemas.push(name);
    return name;
  };

  afterAll(async () => {
    const pool = createPgPool({ connectionString: databaseUrl, maxConnections: 1 });
    for (const name of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await pool.close();
  });

  it('migrates the identity schema once and authenticates the keys it issues', async () => {
    const resources = resourcesFor({ FLYWHEEL_AUTH: 'on', FLYWHEEL_AUTH_PEPPER: PEPPER }, schema());
    try {
      const [identity, again] = await Promise.all([resources.identity(), resources.identity()]);
      expect(again).toBe(identity);
      const { token } = await identity.apiKeys.create({ name: 'ci', role: 'scientist', createdBy: 'test' });
      await expect(identity.authenticator.authenticate(token)).resolves.toMatchObject({
        ok: true,
        principal: { kind: 'api_key', role: 'scientist', name: 'ci' },
      });
      await expect(identity.authenticator.authenticate('a.b.c')).resolves.toEqual({
        ok: false,
        message: 'OIDC tokens are not accepted here: no FLYWHEEL_OIDC_ISSUER is configured',
      });
      expect(await resources.auditLog()).toBe(identity.auditLog);
    } finally {
      await resources.close();
    }
  });

  it('hands JWTs to the OIDC verifier when an issuer is configured', async () => {
    const resources = resourcesFor(
      {
        FLYWHEEL_AUTH: 'on',
        FLYWHEEL_AUTH_PEPPER: PEPPER,
        FLYWHEEL_OIDC_ISSUER: 'https://login.example.com',
        FLYWHEEL_OIDC_JWKS_URL: 'http://127.0.0.1:9/jwks',
        FLYWHEEL_OIDC_AUDIENCE: 'flywheel',
      },
      schema(),
    );
    try {
      const { authenticator } = await resources.identity();
      // Not a signed JWT: the OIDC verifier says so without fetching keys.
      await expect(authenticator.authenticate('bm90.YS1qd3Q.c2ln')).resolves.toMatchObject({
        ok: false,
        message: expect.stringMatching(/^token is not a valid signed JWT/),
      });
    } finally {
      await resources.close();
    }
  });

  it('refuses to open the key store without a pepper, naming the variable', async () => {
    const resources = resourcesFor({}, schema());
    try {
      await expect(resources.identity()).rejects.toThrow(
        'cannot open identity: FLYWHEEL_AUTH_PEPPER is not set; API keys cannot be verified',
      );
    } finally {
      await resources.close();
    }
  });

  it('gives services the audit log through AUDIT_LOG with authentication off and no pepper', async () => {
    const resources = resourcesFor({}, schema());
    @Module({ imports: [PlatformModule.forResources(resources)], providers: [Recorder] })
    class ServiceModule {}
    const app = await NestFactory.createApplicationContext(ServiceModule, { logger: false });
    try {
      const entry = await app.get(Recorder).auditLog.append({
        principal: { id: 'auth-disabled', kind: 'anonymous' },
        action: 'models.register',
        target: { type: 'registered_model', id: 'fraud' },
        requestId: 'req-1',
        service: 'registry',
      });
      expect(entry).toMatchObject({ action: 'models.register', service: 'registry' });
    } finally {
      await app.close();
      await resources.close();
    }
  });

  it('requires the same minimum pepper length in configuration as the key store', () => {
    expect(MIN_AUTH_PEPPER_LENGTH).toBe(MIN_PEPPER_LENGTH);
  });
});
