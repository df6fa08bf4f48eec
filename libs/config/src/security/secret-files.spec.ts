import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config-error';
import { loadPlatformConfig } from '../platform-config';
import { readSecretFiles } from './secret-files';

function problemsOf(env: Record<string, string>, flags: Record<string, string> = {}): string[] {
  try {
    loadPlatformConfig(env, flags);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('readSecretFiles', () => {
  const files: Record<string, string> = { '/run/secrets/pepper': 'from-a-file\n' };
  const read = (path: string) => {
    const content = files[path];
    if (content === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return content;
  };

  it('sets each secret from its file, without the trailing newline', () => {
    const resolved = readSecretFiles(
      ['FLYWHEEL_AUTH_PEPPER'],
      { FLYWHEEL_AUTH_PEPPER_FILE: '/run/secrets/pepper' },
      {},
      read,
    );
    expect(resolved.env['FLYWHEEL_AUTH_PEPPER']).toBe('from-a-file');
    expect(resolved.problems).toEqual([]);
  });

  it('takes the file from the --<name>-file flag over the variable', () => {
    const resolved = readSecretFiles(
      ['FLYWHEEL_AUTH_PEPPER'],
      { FLYWHEEL_AUTH_PEPPER_FILE: '/elsewhere' },
      { 'auth-pepper-file': '/run/secrets/pepper' },
      read,
    );
    expect(resolved.env['FLYWHEEL_AUTH_PEPPER']).toBe('from-a-file');
  });
});

describe('secrets read from <NAME>_FILE', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'flywheel-secrets-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the pepper and the service key from files', () => {
    writeFileSync(join(dir, 'pepper'), 'pepper-from-a-mounted-file\n');
    writeFileSync(join(dir, 'service-key'), 'fwk_from_file');
    const config = loadPlatformConfig({
      FLYWHEEL_AUTH: 'on',
      FLYWHEEL_AUTH_PEPPER_FILE: join(dir, 'pepper'),
      FLYWHEEL_SERVICE_API_KEY_FILE: join(dir, 'service-key'),
    });
    expect(config.auth).toEqual({
      enabled: true,
      pepper: 'pepper-from-a-mounted-file',
      serviceKey: 'fwk_from_file',
    });
  });

  it('reports an unreadable or empty file once, naming the file variable and path', () => {
    writeFileSync(join(dir, 'empty'), '\n');
    expect(
      problemsOf({
        FLYWHEEL_AUTH: 'on',
        FLYWHEEL_AUTH_PEPPER_FILE: join(dir, 'absent'),
        FLYWHEEL_SERVICE_API_KEY_FILE: join(dir, 'empty'),
      }),
    ).toEqual([
      `FLYWHEEL_AUTH_PEPPER_FILE: cannot read "${join(dir, 'absent')}" (ENOENT)`,
      `FLYWHEEL_SERVICE_API_KEY_FILE: "${join(dir, 'empty')}" is empty`,
    ]);
  });

  it('refuses a secret given both directly and as a file', () => {
    writeFileSync(join(dir, 'pepper'), 'pepper-from-a-mounted-file');
    expect(
      problemsOf({ FLYWHEEL_AUTH_PEPPER: 'x'.repeat(20), FLYWHEEL_AUTH_PEPPER_FILE: join(dir, 'pepper') }),
    ).toEqual([
      'FLYWHEEL_AUTH_PEPPER_FILE: set either FLYWHEEL_AUTH_PEPPER or FLYWHEEL_AUTH_PEPPER_FILE, not both',
    ]);
  });

  it('lists file problems together with every other problem', () => {
    expect(
      problemsOf({ FLYWHEEL_ADMIN_PORT: 'x' }, { 's3-secret-access-key-file': join(dir, 'absent') }),
    ).toEqual([
      `FLYWHEEL_S3_SECRET_ACCESS_KEY_FILE (--s3-secret-access-key-file): cannot read "${join(dir, 'absent')}" (ENOENT)`,
      'FLYWHEEL_ADMIN_PORT: expected a TCP port (an integer from 1 to 65535), got "x"',
    ]);
  });
});
