import { type ApiKeyRecord, generateApiKey, issueApiKey, parseApiKeyToken } from '@flywheel/access';
import { ApiKeyAuthenticator, type ApiKeyRecordSource } from './api-key-authenticator';

const PEPPER = 'unit-test-pepper-0123456789';

/** An in-memory record source: the authenticator's logic is pure apart from this lookup. */
class MemorySource implements ApiKeyRecordSource {
  readonly records = new Map<string, ApiKeyRecord>();
  lookups = 0;
  touches: string[] = [];
  findRecord(id: string): Promise<ApiKeyRecord | undefined> {
    this.lookups += 1;
    return Promise.resolve(this.records.get(id));
  }
  touchLastUsed(id: string): Promise<void> {
    this.touches.push(id);
    return Promise.resolve();
  }
}

describe('ApiKeyAuthenticator', () => {
  let now: Date;
  let source: MemorySource;
  let authenticator: ApiKeyAuthenticator;
  const issue = (expiresInMs?: number) => {
    const issued = issueApiKey({
      name: 'ci',
      role: 'scientist',
      now,
      pepper: PEPPER,
      ...(expiresInMs ? { expiresInMs } : {}),
    });
    source.records.set(issued.record.id, issued.record);
    return issued;
  };

  beforeEach(() => {
    now = new Date('2026-01-01T00:00:00Z');
    source = new MemorySource();
    authenticator = new ApiKeyAuthenticator(source, { pepper: PEPPER, now: () => now });
  });

  it('returns the key principal for a valid token and records the use once per cache period', async () => {
    const { token, record } = issue();
    const first = await authenticator.authenticate(token);
    await authenticator.authenticate(token);
    expect(first).toEqual({
      ok: true,
      principal: { id: record.id, kind: 'api_key', role: 'scientist', name: 'ci' },
    });
    expect(source.lookups).toBe(1);
    expect(source.touches).toEqual([record.id]);
  });

  it('rejects a malformed token without a lookup', async () => {
    expect(await authenticator.authenticate('not-a-key')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(source.lookups).toBe(0);
  });

  it('sees a revocation only after the cache TTL (5 s by default)', async () => {
    const { token, record } = issue();
    await authenticator.authenticate(token);
    source.records.set(record.id, { ...record, revokedAt: now });
    now = new Date(now.getTime() + 4_000);
    expect((await authenticator.authenticate(token)).ok).toBe(true);
    now = new Date(now.getTime() + 1_000);
    expect(await authenticator.authenticate(token)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('applies expiry against the current clock even for a cached record', async () => {
    const { token } = issue(1_000);
    expect((await authenticator.authenticate(token)).ok).toBe(true);
    now = new Date(now.getTime() + 1_000);
    expect(await authenticator.authenticate(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('rejects a token whose secret does not match, and one issued with another pepper', async () => {
    const { token } = issue();
    const { id } = parseApiKeyToken(token)!;
    const wrongSecret = `fwk_${id}_${generateApiKey().secret}`;
    expect(await authenticator.authenticate(wrongSecret)).toMatchObject({ ok: false, reason: 'mismatch' });
    const other = new ApiKeyAuthenticator(source, { pepper: 'another-pepper-0123456789' });
    expect(await other.authenticate(token)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('forget() makes the next request read the store again', async () => {
    const { token, record } = issue();
    await authenticator.authenticate(token);
    source.records.delete(record.id);
    authenticator.forget(record.id);
    expect(await authenticator.authenticate(token)).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('refuses a short pepper, naming the variable but not the value', () => {
    expect(() => new ApiKeyAuthenticator(source, { pepper: 'short' })).toThrow(
      /^FLYWHEEL_AUTH_PEPPER must be/,
    );
    expect(() => new ApiKeyAuthenticator(source, { pepper: 'short' })).not.toThrow(/short/);
  });
});
