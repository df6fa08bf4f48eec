import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Writes a self-signed EC certificate and its key (PEM) into `dir` with the openssl CLI. */
export function writeSelfSigned(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      `/CN=${name}`,
      '-days',
      '1',
    ],
    { stdio: 'pipe' },
  );
  return { cert, key };
}
