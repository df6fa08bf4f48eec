import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseApiKeyToken } from '@flywheel/access';
import { ApiKeyAuthenticator, ApiKeyRepository, AuditLogRepository } from '@flywheel/identity';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { testStack, uniqueName } from '@flywheel/testing';
import { buildCli, exitWithin, spawnCli } from './cli-process';

// `flywheel keys` as operators run it: the built CLI as a real process against the test stack's
// PostgreSQL (the default `identity` schema the services use), then the services' own
// authenticator checks the key it printed.

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const cli = spawnCli(['keys', ...args], env);
  const code = await exitWithin(cli, 60_000);
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe('flywheel keys (built CLI)', () => {
  const stack = testStack();
  // Only the variables this command reads, so the developer's own FLYWHEEL_* cannot leak in.
  const serverEnv = {
    FLYWHEEL_DATABASE_URL: stack.databaseUrl,
    FLYWHEEL_AUTH_PEPPER: stack.authPepper,
    FLYWHEEL_AUTH_PEPPER_FILE: '',
    FLYWHEEL_LOG_LEVEL: 'warn',
  };
  let pool: PgPool;
  let authenticator: ApiKeyAuthenticator;

  beforeAll(() => {
    buildCli();
    pool = createPgPool({ connectionString: stack.databaseUrl, maxConnections: 2 });
    // No cache, so a revocation shows on the very next request.
    authenticator = new ApiKeyAuthenticator(new ApiKeyRepository(pool, { pepper: stack.authPepper }), {
      pepper: stack.authPepper,
      cacheTtlMs: 0,
    });
  }, 600_000);

  afterAll(async () => {
    await pool.close();
  });

  it('creates a key that authenticates, lists it without secrets, and revokes it so it no longer does', async () => {
    const name = uniqueName('ci-deployer');
    const created = await runCli(['create', '--role', 'deployer', '--expires', '30d', '--name', name], serverEnv);
    expect(created).toMatchObject({ code: 0 });
    const token = created.stdout.trim();
    expect(token).toMatch(/^fwk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    // The secret is base64url and may itself hold `_`, so the token is parsed, not split.
    const { id, secret } = parseApiKeyToken(token)!;
    expect(created.stderr).toMatch(
      new RegExp(`Created API key ${id} "${name}": role deployer, expires \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\.`),
    );
    expect(created.stderr).toContain('This is the only time the key is shown');

    await expect(authenticator.authenticate(token)).resolves.toEqual({
      ok: true,
      principal: { id, kind: 'api_key', role: 'deployer', name },
    });

    const listed = await runCli(['list'], serverEnv);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID +NAME +ROLE +CREATED +EXPIRES +LAST USED +REVOKED$/m);
    const row = listed.stdout.split('\n').find((line) => line.startsWith(id));
    expect(row).toMatch(new RegExp(`^${id} +${name} +deployer +\\S+Z +\\S+Z +\\S+Z +-$`));
    expect(listed.stdout).not.toContain(secret);

    const revoked = await runCli(['revoke', id], serverEnv);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^API key ${id} "${name}" revoked at `)) });
    await expect(authenticator.authenticate(token)).resolves.toMatchObject({ ok: false, reason: 'revoked' });

    const again = await runCli(['revoke', id], serverEnv);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('was already revoked at') });
    const active = await runCli(['list', '--active'], serverEnv);
    expect(active.stdout).not.toContain(id);

    // Both changes are in the audit log, by the CLI's operator, without the secret.
    const { entries } = await new AuditLogRepository(pool).query({ target: { type: 'api_key', id } });
    expect(entries.map((entry) => [entry.action, entry.service, entry.principal.kind])).toEqual([
      ['keys.manage', 'flywheel-cli', 'service'],
      ['keys.manage', 'flywheel-cli', 'service'],
    ]);
    expect(entries[0]).toMatchObject({ before: { revokedAt: null }, after: { revokedBy: expect.stringMatching(/^service:cli:/) } });
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it.each<[string[], RegExp]>([
    [['create', '--role', 'root'], /--role: unknown role "root"; expected one of viewer, scientist, deployer, admin/],
    [['create', '--role', 'admin', '--expires', 'soon'], /--expires: expected a positive whole number followed by m, h or d/],
    [['revoke'], /keys revoke: missing key id/],
    [['rotate'], /unknown keys command "rotate"/],
  ])('exits 2 with a usage error for %j', async (args, message) => {
    const run = await runCli(args, serverEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('refuses to create a key without the pepper the services check keys with', async () => {
    const run = await runCli(['create', '--role', 'viewer'], { ...serverEnv, FLYWHEEL_AUTH_PEPPER: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('FLYWHEEL_AUTH_PEPPER (or FLYWHEEL_AUTH_PEPPER_FILE) must be set');
  });

  it('exits 1 naming the id when revoking a key that does not exist', async () => {
    const run = await runCli(['revoke', 'aaaaaaaaaaaa'], serverEnv);
    expect(run).toMatchObject({ code: 1, stderr: 'flywheel: no API key with id aaaaaaaaaaaa\n' });
  });

  it('manages keys in the embedded database of the standalone shape when no database URL is set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flywheel-keys-'));
    try {
      const env = { ...serverEnv, FLYWHEEL_DATABASE_URL: '', FLYWHEEL_DATA_DIR: dataDir };
      const created = await runCli(['create', '--role', 'admin', '--name', 'standalone-admin'], env);
      expect(created.code).toBe(0);
      const listed = await runCli(['list'], env);
      expect(listed.stdout).toMatch(/standalone-admin +admin +\S+Z +- +- +-/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('documents the keys commands in flywheel --help', async () => {
    const cli = spawnCli(['--help'], {});
    expect(await exitWithin(cli, 30_000)).toBe(0);
    expect(cli.stdout()).toContain('flywheel keys create --role <role> [--expires <duration>] [--name <label>]');
    expect(cli.stdout()).toContain('flywheel keys revoke <id>');
  });
});
