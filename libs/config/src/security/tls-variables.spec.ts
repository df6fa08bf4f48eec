import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSelfSigned } from '../../test/self-signed';
import { ConfigError } from '../config-error';
import { loadPlatformConfig } from '../platform-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('TLS variables', () => {
  let dir: string;
  let server: { cert: string; key: string };
  let other: { cert: string; key: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-tls-config-'));
    server = writeSelfSigned(dir, 'server');
    other = writeSelfSigned(dir, 'other');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves TLS off when no file is configured', () => {
    expect(loadPlatformConfig({}).tls).toBeUndefined();
  });

  it('reads the certificate, key and client CA when configured', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_TLS_CERT_FILE: server.cert,
      FLYWHEEL_TLS_KEY_FILE: server.key,
      FLYWHEEL_TLS_CLIENT_CA_FILE: other.cert,
    });
    expect(config.tls).toEqual({
      certFile: server.cert,
      cert: expect.stringContaining('-----BEGIN CERTIFICATE-----'),
      keyFile: server.key,
      privateKey: expect.stringContaining('PRIVATE KEY-----'),
      clientCaFile: other.cert,
      clientCa: expect.stringContaining('-----BEGIN CERTIFICATE-----'),
    });
  });

  it('names the variable of a file it cannot read, and of a file that is not PEM', () => {
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a certificate');
    expect(
      problemsOf({ FLYWHEEL_TLS_CERT_FILE: join(dir, 'missing.crt'), FLYWHEEL_TLS_KEY_FILE: garbage }),
    ).toEqual([
      `FLYWHEEL_TLS_CERT_FILE: cannot read "${join(dir, 'missing.crt')}" (ENOENT)`,
      `FLYWHEEL_TLS_KEY_FILE: "${garbage}" is not a PEM private key`,
    ]);
  });

  it('refuses a key that does not belong to the certificate', () => {
    expect(problemsOf({ FLYWHEEL_TLS_CERT_FILE: server.cert, FLYWHEEL_TLS_KEY_FILE: other.key })).toEqual([
      `FLYWHEEL_TLS_KEY_FILE: "${other.key}" is not the private key of the certificate in FLYWHEEL_TLS_CERT_FILE`,
    ]);
  });

  it('wants the certificate and key together, and both for mutual TLS', () => {
    expect(problemsOf({ FLYWHEEL_TLS_CERT_FILE: server.cert })).toEqual([
      'FLYWHEEL_TLS_KEY_FILE: is required when FLYWHEEL_TLS_CERT_FILE is set',
    ]);
    expect(problemsOf({ FLYWHEEL_TLS_CLIENT_CA_FILE: other.cert })).toEqual([
      'FLYWHEEL_TLS_CERT_FILE: is required when FLYWHEEL_TLS_CLIENT_CA_FILE is set',
    ]);
  });
});
