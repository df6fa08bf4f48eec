import { parseApiKeyToken } from '@flywheel/access';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { testStack, uniqueName } from '@flywheel/testing';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeyRepository } from './api-key.repository';
import { AuditLogRepository } from './audit-log.repository';
import { migrateIdentitySchema } from './identity-schema';

const PEPPER = 'integration-test-pepper-0123456789';

describe('identity schema on PostgreSQL', () => {
  const schema = uniqueName('identity_test');
  let pool: PgPool;
  let now: Date;
  let keys: ApiKeyRepository;
  let audit: AuditLogRepository;

  beforeAll(async () => {
    pool = createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 4 });
    await migrateIdentitySchema(pool, schema);
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.close();
  });
  beforeEach(() => {
    now = new Date();
    keys = new ApiKeyRepository(pool, { pepper: PEPPER, schema, now: () => now });
    audit = new AuditLogRepository(pool, { schema });
  });

  it('applies its migrations once', async () => {
    expect((await migrateIdentitySchema(pool, schema)).applied).toEqual([]);
  });

  it('lists and revokes keys without the pepper, which only creating a key needs', async () => {
    const { key } = await keys.create({ name: 'to-revoke', role: 'viewer', createdBy: 'api_key:root' });
    const pepperless = new ApiKeyRepository(pool, { schema, now: () => now });
    expect((await pepperless.list()).map((listed) => listed.id)).toContain(key.id);
    expect(await pepperless.revoke(key.id, 'service:cli:ops')).toMatchObject({ id: key.id, revokedBy: 'service:cli:ops' });
    await expect(pepperless.create({ name: 'x', role: 'viewer', createdBy: 'api_key:root' })).rejects.toThrow(
      'FLYWHEEL_AUTH_PEPPER is required to create API keys',
    );
  });

  it('stores only the digest of a created key and verifies its token', async () => {
    const { token, key } = await keys.create({ name: 'ci', role: 'deployer', createdBy: 'api_key:root' });
    const stored = await pool.query(`SELECT * FROM "${schema}".api_keys WHERE id = $1`, [key.id]);
    expect(JSON.stringify(stored.rows)).not.toContain(parseApiKeyToken(token)!.secret);
    expect(await keys.findById(key.id)).toMatchObject({
      name: 'ci',
      role: 'deployer',
      createdBy: 'api_key:root',
    });
    const authenticator = new ApiKeyAuthenticator(keys, { pepper: PEPPER, now: () => now });
    expect(await authenticator.authenticate(token)).toEqual({
      ok: true,
      principal: { id: key.id, kind: 'api_key', role: 'deployer', name: 'ci' },
    });
    expect((await keys.findById(key.id))?.lastUsedAt).toEqual(now);
  });

  it('lists keys newest first and filters revoked and expired ones when asked', async () => {
    const live = await keys.create({ name: 'live', role: 'viewer', createdBy: 'test' });
    now = new Date(now.getTime() + 1);
    const expiring = await keys.create({
      name: 'expiring',
      role: 'viewer',
      createdBy: 'test',
      expiresInMs: 1_000,
    });
    now = new Date(now.getTime() + 1);
    const revoked = await keys.create({ name: 'revoked', role: 'viewer', createdBy: 'test' });
    await keys.revoke(revoked.key.id, 'api_key:admin');
    now = new Date(now.getTime() + 1_000);

    const all = (await keys.list()).map((k) => k.id);
    expect(all.indexOf(revoked.key.id)).toBeLessThan(all.indexOf(live.key.id));
    const active = (await keys.list({ activeOnly: true })).map((k) => k.id);
    expect(active).toContain(live.key.id);
    expect(active).not.toContain(expiring.key.id);
    expect(active).not.toContain(revoked.key.id);
  });

  it('revokes once, keeps the first revocation, and then rejects the token', async () => {
    const { token, key } = await keys.create({ name: 'to-revoke', role: 'admin', createdBy: 'test' });
    const first = await keys.revoke(key.id, 'api_key:first');
    now = new Date(now.getTime() + 10);
    const second = await keys.revoke(key.id, 'api_key:second');
    expect(second).toEqual(first);
    expect(first).toMatchObject({ revokedBy: 'api_key:first' });
    expect(await keys.revoke('nosuchkey000', 'x')).toBeUndefined();
    const authenticator = new ApiKeyAuthenticator(keys, { pepper: PEPPER, now: () => now });
    expect(await authenticator.authenticate(token)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('rejects an expired key', async () => {
    const { token } = await keys.create({
      name: 'short',
      role: 'viewer',
      createdBy: 'test',
      expiresInMs: 60_000,
    });
    now = new Date(now.getTime() + 60_000);
    const authenticator = new ApiKeyAuthenticator(keys, { pepper: PEPPER, now: () => now });
    expect(await authenticator.authenticate(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('appends audit entries with secrets redacted and queries them by target, principal and time', async () => {
    const target = { type: 'model', id: uniqueName('model') };
    const principal = { id: 'abcd2345efgh', kind: 'api_key' as const };
    const at = new Date('2026-03-01T10:00:00Z');
    for (let version = 1; version <= 3; version += 1) {
      await audit.append({
        principal,
        action: 'models.register',
        target,
        after: { version, api_secret: 'hunter2' },
        requestId: `req-${version}`,
        service: 'registry',
        at: new Date(at.getTime() + version * 1_000),
      });
    }
    const firstPage = await audit.query({ target, limit: 2 });
    expect(firstPage.entries.map((e) => e.requestId)).toEqual(['req-3', 'req-2']);
    expect(firstPage.entries[0]?.after).toEqual({ version: 3, api_secret: '[REDACTED]' });
    const secondPage = await audit.query({ target, limit: 2, beforeId: firstPage.nextBeforeId! });
    expect(secondPage).toEqual({ entries: [expect.objectContaining({ requestId: 'req-1' })] });
    const byPrincipalAndTime = await audit.query({
      principal,
      target: { type: 'model' },
      from: new Date(at.getTime() + 2_000),
      to: new Date(at.getTime() + 3_000),
    });
    expect(byPrincipalAndTime.entries.map((e) => e.requestId)).toEqual(['req-2']);
  });

  it('caps the page size and refuses a non-positive one', async () => {
    await expect(audit.query({ limit: 0 })).rejects.toThrow(/limit must be a positive whole number/);
    await expect(audit.query({ limit: 10_000 })).resolves.toBeDefined();
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit log in the database itself', async () => {
    const entry = await audit.append(sampleEntry('immutable'));
    const table = `"${schema}".audit_log`;
    await expect(
      pool.query(`UPDATE ${table} SET action = 'audit.read' WHERE id = $1`, [entry.id]),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(pool.query(`DELETE FROM ${table} WHERE id = $1`, [entry.id])).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(pool.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect((await audit.query({ target: { type: 'key', id: 'immutable' } })).entries).toHaveLength(1);
  });

  it('leaves no audit row when the caller rolls back its transaction', async () => {
    await expect(
      pool.withTransaction(async (tx) => {
        await keys.create({ name: 'rolled-back', role: 'viewer', createdBy: 'test' }, tx);
        await audit.append(sampleEntry('rolled-back'), tx);
        throw new Error('change failed after the audit entry');
      }),
    ).rejects.toThrow('change failed');
    expect((await audit.query({ target: { type: 'key', id: 'rolled-back' } })).entries).toEqual([]);
    expect((await keys.list()).map((k) => k.name)).not.toContain('rolled-back');
  });

  it('commits a change and its audit entry together', async () => {
    const created = await pool.withTransaction(async (tx) => {
      const result = await keys.create({ name: 'committed', role: 'viewer', createdBy: 'test' }, tx);
      await audit.append({ ...sampleEntry(result.key.id), after: result.key }, tx);
      return result;
    });
    const entries = (await audit.query({ target: { type: 'key', id: created.key.id } })).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toMatchObject({ id: created.key.id, name: 'committed' });
  });
});

function sampleEntry(targetId: string) {
  return {
    principal: { id: 'root', kind: 'service' as const },
    action: 'keys.manage' as const,
    target: { type: 'key', id: targetId },
    requestId: 'req',
    service: 'identity-test',
  };
}
