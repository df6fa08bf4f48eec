import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** A PEM file read (and parsed) at start-up; `pem` is its text. */
export interface PemFile {
  file: string;
  pem: string;
}

type PemKind = 'certificate' | 'private key';

/**
 * A path to a PEM file, read and parsed when configuration loads so a missing or broken file
 * stops the start with the variable's name rather than failing the first handshake. Neither
 * the file's content nor the parser's detail is echoed: a key file may hold a secret.
 */
export function pemFileVariable(kind: PemKind) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): PemFile | undefined => {
      if (raw === undefined) return undefined;
      const file = resolve(raw);
      let pem: string;
      try {
        pem = readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        ctx.addIssue({ code: 'custom', message: `cannot read "${file}" (${code})` });
        return z.NEVER;
      }
      if (!parses(kind, pem)) {
        ctx.addIssue({ code: 'custom', message: `"${file}" is not a PEM ${kind}` });
        return z.NEVER;
      }
      return { file, pem };
    });
}

export const tlsVariables = {
  FLYWHEEL_TLS_CERT_FILE: pemFileVariable('certificate').describe(
    'PEM certificate chain for every gRPC and HTTP port; with FLYWHEEL_TLS_KEY_FILE turns TLS on (admin port stays plain HTTP)',
  ),
  FLYWHEEL_TLS_KEY_FILE: pemFileVariable('private key').describe('PEM private key of FLYWHEEL_TLS_CERT_FILE'),
  FLYWHEEL_TLS_CLIENT_CA_FILE: pemFileVariable('certificate').describe(
    'PEM CA certificate(s): turns on mutual TLS, clients must present a certificate it signed',
  ),
};

export type TlsVariables = z.output<z.ZodObject<typeof tlsVariables>>;

/** TLS for the services' gRPC and HTTP ports, with mutual TLS when `clientCa` is set. */
export interface TlsConfig {
  certFile: string;
  /** PEM certificate chain. */
  cert: string;
  keyFile: string;
  /** PEM private key (a secret: configuration printing redacts it). */
  privateKey: string;
  clientCaFile?: string;
  /** PEM CA bundle client certificates must chain to; set means client certificates are required. */
  clientCa?: string;
}

/** The certificate and key come together, match each other, and a client CA needs them. */
export function checkTlsVariables(v: TlsVariables, ctx: z.RefinementCtx): void {
  const cert = v.FLYWHEEL_TLS_CERT_FILE;
  const key = v.FLYWHEEL_TLS_KEY_FILE;
  const need = (variable: keyof TlsVariables, because: keyof TlsVariables) =>
    ctx.addIssue({ code: 'custom', path: [variable], message: `is required when ${because} is set` });
  if (cert !== undefined && key === undefined) need('FLYWHEEL_TLS_KEY_FILE', 'FLYWHEEL_TLS_CERT_FILE');
  if (key !== undefined && cert === undefined) need('FLYWHEEL_TLS_CERT_FILE', 'FLYWHEEL_TLS_KEY_FILE');
  if (v.FLYWHEEL_TLS_CLIENT_CA_FILE !== undefined && cert === undefined && key === undefined) {
    need('FLYWHEEL_TLS_CERT_FILE', 'FLYWHEEL_TLS_CLIENT_CA_FILE');
  }
  if (isPemFile(cert) && isPemFile(key) && !keyMatches(cert.pem, key.pem)) {
    ctx.addIssue({
      code: 'custom',
      path: ['FLYWHEEL_TLS_KEY_FILE'],
      message: `"${key.file}" is not the private key of the certificate in FLYWHEEL_TLS_CERT_FILE`,
    });
  }
}

export function tlsConfigOf(v: TlsVariables): TlsConfig | undefined {
  const { FLYWHEEL_TLS_CERT_FILE: cert, FLYWHEEL_TLS_KEY_FILE: key, FLYWHEEL_TLS_CLIENT_CA_FILE: ca } = v;
  if (cert === undefined || key === undefined) return undefined;
  return {
    certFile: cert.file,
    cert: cert.pem,
    keyFile: key.file,
    privateKey: key.pem,
    ...(ca && { clientCaFile: ca.file, clientCa: ca.pem }),
  };
}

// A field that failed validation reaches cross-field checks as zod's abort marker, not a PemFile.
function isPemFile(value: unknown): value is PemFile {
  return typeof value === 'object' && value !== null && 'pem' in value;
}

function parses(kind: PemKind, pem: string): boolean {
  try {
    if (kind === 'certificate') new X509Certificate(pem);
    else createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

function keyMatches(certPem: string, keyPem: string): boolean {
  return new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
}
