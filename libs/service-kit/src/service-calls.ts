import { type ChannelCredentials, Metadata, credentials } from '@grpc/grpc-js';
import type { AuthConfig, TlsConfig } from '@flywheel/config';

// Outgoing calls a service makes on its own behalf (orchestration setting an alias, the gateway
// reading the registry) carry the process's own identity: the API key operators issue for it
// (`flywheel keys create --role deployer --name orchestration-service`, given to the process as
// FLYWHEEL_SERVICE_API_KEY). Requests a service merely forwards for a caller (tracking's proxy of
// the registry's MLflow routes) must carry the caller's own `authorization` header instead:
// substituting the service key there would lend the service's role to anyone.

/** gRPC metadata with `authorization: Bearer <service key>`; empty when no key is configured. */
export function serviceCallMetadata(auth: Pick<AuthConfig, 'serviceKey'>): Metadata {
  const metadata = new Metadata();
  if (auth.serviceKey !== undefined) metadata.set('authorization', `Bearer ${auth.serviceKey}`);
  return metadata;
}

/** HTTP headers with `authorization: Bearer <service key>`; empty when no key is configured. */
export function serviceCallHeaders(auth: Pick<AuthConfig, 'serviceKey'>): Record<string, string> {
  return auth.serviceKey === undefined ? {} : { authorization: `Bearer ${auth.serviceKey}` };
}

/**
 * Channel credentials for calling another Flywheel service's gRPC port: plaintext when this
 * process has no TLS configuration; otherwise TLS trusting the configured CA (the client CA,
 * which signs the services' certificates in a mutual-TLS deployment, or the system roots
 * plus NODE_EXTRA_CA_CERTS without one) and presenting this process's certificate when the
 * deployment is mutual TLS.
 */
export function serviceChannelCredentials(
  tls: Pick<TlsConfig, 'cert' | 'privateKey' | 'clientCa'> | undefined,
): ChannelCredentials {
  if (!tls) return credentials.createInsecure();
  if (tls.clientCa === undefined) return credentials.createSsl();
  return credentials.createSsl(Buffer.from(tls.clientCa), Buffer.from(tls.privateKey), Buffer.from(tls.cert));
}
