import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** PEM text of a test CA and two certificates it signed: a server's (localhost) and a client's. */
export interface TestCertificates {
  ca: string;
  server: { cert: string; key: string };
  client: { cert: string; key: string };
  /** Another CA's certificate and key: a client the server must not trust. */
  stranger: { cert: string; key: string };
}

/** Generates the certificates with the openssl CLI into `dir` (EC P-256, valid one day). */
export function makeTestCertificates(dir: string): TestCertificates {
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const newKey = (name: string) =>
    openssl(
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      path(`${name}.key`),
    );
  const selfSigned = (name: string) => {
    newKey(name);
    openssl(
      'req',
      '-x509',
      '-new',
      '-key',
      path(`${name}.key`),
      '-subj',
      `/CN=${name}`,
      '-days',
      '1',
      '-out',
      path(`${name}.crt`),
    );
  };
  const signed = (name: string, extensions: string) => {
    newKey(name);
    openssl('req', '-new', '-key', path(`${name}.key`), '-subj', `/CN=${name}`, '-out', path(`${name}.csr`));
    writeFileSync(path(`${name}.ext`), extensions);
    openssl(
      'x509',
      '-req',
      '-in',
      path(`${name}.csr`),
      '-CA',
      path('ca.crt'),
      '-CAkey',
      path('ca.key'),
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      path(`${name}.ext`),
      '-out',
      path(`${name}.crt`),
    );
  };
  selfSigned('ca');
  selfSigned('stranger');
  signed('server', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  signed('client', 'extendedKeyUsage=clientAuth\n');
  const pair = (name: string) => ({
    cert: readFileSync(path(`${name}.crt`), 'utf8'),
    key: readFileSync(path(`${name}.key`), 'utf8'),
  });
  return {
    ca: readFileSync(path('ca.crt'), 'utf8'),
    server: pair('server'),
    client: pair('client'),
    stranger: pair('stranger'),
  };
}
