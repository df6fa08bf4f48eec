import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSelfSigned } from '../../test/self-signed';
import { ConfigError } from '../config-error';
import { describePlatformVariables, loadPlatformConfig } from '../platform-config';
import { redactSecrets } from '../redact';

const BROKERS = { FLYWHEEL_KAFKA_BROKERS: 'kafka-1:9094' };
const SCRAM = {
  ...BROKERS,
  FLYWHEEL_KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
  FLYWHEEL_KAFKA_SASL_USERNAME: 'flywheel',
  FLYWHEEL_KAFKA_SASL_PASSWORD: 'kafka-password-value',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('Kafka security variables', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-kafka-security-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('connects in plaintext without login when nothing is set', () => {
    expect(loadPlatformConfig(BROKERS).kafka).toEqual({ kind: 'brokers', brokers: ['kafka-1:9094'] });
  });

  it('configures SCRAM from mechanism (any case), user name and password', () => {
    expect(loadPlatformConfig(SCRAM).kafka).toEqual({
      kind: 'brokers',
      brokers: ['kafka-1:9094'],
      security: { sasl: { mechanism: 'scram-sha-512', username: 'flywheel', password: 'kafka-password-value' } },
    });
  });

  it('reads the password from FLYWHEEL_KAFKA_SASL_PASSWORD_FILE without its trailing newline', () => {
    const file = join(dir, 'kafka-password');
    writeFileSync(file, 'from-a-file\n');
    const { FLYWHEEL_KAFKA_SASL_PASSWORD: _password, ...withoutPassword } = SCRAM;
    const config = loadPlatformConfig({ ...withoutPassword, FLYWHEEL_KAFKA_SASL_PASSWORD_FILE: file });
    expect(config.kafka).toMatchObject({ security: { sasl: { password: 'from-a-file' } } });
  });

  it('turns TLS on with the system CAs or with a CA file read at start-up', () => {
    const { cert } = writeSelfSigned(dir, 'kafka-ca');
    expect(loadPlatformConfig({ ...BROKERS, FLYWHEEL_KAFKA_TLS: 'on' }).kafka).toMatchObject({ security: { tls: {} } });
    const config = loadPlatformConfig({ ...SCRAM, FLYWHEEL_KAFKA_TLS: 'on', FLYWHEEL_KAFKA_TLS_CA_FILE: cert });
    expect(config.kafka).toMatchObject({
      security: { sasl: { username: 'flywheel' }, tls: { caFile: cert, ca: readFileSync(cert, 'utf8') } },
    });
  });

  it('lists every incomplete or unsafe combination at once, never echoing the password', () => {
    const problems = problemsOf({
      FLYWHEEL_KAFKA_SASL_MECHANISM: 'plain',
      FLYWHEEL_KAFKA_SASL_PASSWORD: 'kafka-password-value',
      FLYWHEEL_KAFKA_TLS_CA_FILE: writeSelfSigned(dir, 'other-ca').cert,
    });
    expect(problems).toEqual([
      'FLYWHEEL_KAFKA_SASL_USERNAME: is required when FLYWHEEL_KAFKA_SASL_MECHANISM, FLYWHEEL_KAFKA_SASL_PASSWORD are set',
      'FLYWHEEL_KAFKA_SASL_MECHANISM: plain sends the password in clear text: set FLYWHEEL_KAFKA_TLS=on or use scram-sha-512',
      'FLYWHEEL_KAFKA_TLS: must be on when FLYWHEEL_KAFKA_TLS_CA_FILE is set',
      'FLYWHEEL_KAFKA_BROKERS: is required when FLYWHEEL_KAFKA_SASL_MECHANISM, FLYWHEEL_KAFKA_SASL_PASSWORD are set',
    ]);
    expect(problems.join()).not.toContain('kafka-password-value');
  });

  it('names bad values of the mechanism, TLS switch and CA file', () => {
    const missing = join(dir, 'missing.pem');
    expect(
      problemsOf({ ...SCRAM, FLYWHEEL_KAFKA_SASL_MECHANISM: 'gssapi', FLYWHEEL_KAFKA_TLS: 'yes', FLYWHEEL_KAFKA_TLS_CA_FILE: missing }),
    ).toEqual([
      'FLYWHEEL_KAFKA_SASL_MECHANISM: expected one of scram-sha-256, scram-sha-512, plain, got "gssapi"',
      'FLYWHEEL_KAFKA_TLS: expected one of on, off, got "yes"',
      `FLYWHEEL_KAFKA_TLS_CA_FILE: cannot read "${missing}" (ENOENT)`,
    ]);
  });

  it('keeps the password out of flags and printed configuration', () => {
    expect(() => loadPlatformConfig(BROKERS, { 'kafka-sasl-password': 'x' })).toThrow(/environment only/);
    expect(describePlatformVariables().find((v) => v.variable === 'FLYWHEEL_KAFKA_SASL_PASSWORD')?.flag).toBeUndefined();
    expect(JSON.stringify(redactSecrets(loadPlatformConfig(SCRAM)))).not.toContain('kafka-password-value');
  });
});
