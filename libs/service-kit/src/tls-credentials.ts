import { ServerCredentials } from '@grpc/grpc-js';
import type { TlsConfig } from '@flywheel/config';

/** The PEM material a service port needs for TLS; mutual TLS when `clientCa` is set. */
export type ServerTls = Pick<TlsConfig, 'cert' | 'privateKey' | 'clientCa'>;

/** grpc-js server credentials: TLS, and client certificates required when a client CA is set. */
export function grpcServerCredentials(tls: ServerTls | undefined): ServerCredentials | undefined {
  if (!tls) return undefined;
  return ServerCredentials.createSsl(
    tls.clientCa === undefined ? null : Buffer.from(tls.clientCa),
    [{ private_key: Buffer.from(tls.privateKey), cert_chain: Buffer.from(tls.cert) }],
    tls.clientCa !== undefined,
  );
}

/** `node:https` server options for Fastify: the same certificate, and the same client check. */
export function httpsServerOptions(tls: ServerTls) {
  return {
    cert: tls.cert,
    key: tls.privateKey,
    ...(tls.clientCa !== undefined && { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true }),
  };
}
