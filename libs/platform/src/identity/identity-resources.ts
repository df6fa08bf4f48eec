import type { OidcConfig } from '@flywheel/config';
import {
  ApiKeyAuthenticator,
  ApiKeyRepository,
  AuditLogRepository,
  OidcAuthenticator,
} from '@flywheel/identity';
import type { PgPool } from '@flywheel/postgres';
import { createLogger } from '@flywheel/telemetry';
import { BearerTokenAuthenticator } from './bearer-token-authenticator';

/** The process's access-control stores, over the identity schema of its PostgreSQL. */
export interface IdentityResources {
  apiKeys: ApiKeyRepository;
  auditLog: AuditLogRepository;
  /** API keys, and OIDC JWTs when configured: what the services' guard verifies bearer tokens with. */
  authenticator: BearerTokenAuthenticator;
}

export interface IdentitySettings {
  pepper: string | undefined;
  oidc: OidcConfig | undefined;
  schema: string | undefined;
}

/** Builds the stores and the authenticator over a pool whose identity schema is migrated. */
export function identityResources(pool: PgPool, auditLog: AuditLogRepository, settings: IdentitySettings) {
  const { pepper, oidc, schema } = settings;
  if (pepper === undefined) throw new Error('FLYWHEEL_AUTH_PEPPER is not set; API keys cannot be verified');
  const apiKeys = new ApiKeyRepository(pool, { pepper, ...(schema !== undefined && { schema }) });
  const logger = createLogger('identity');
  const keyAuthenticator = new ApiKeyAuthenticator(apiKeys, {
    pepper,
    onTouchError: (error) => logger.warn({ err: error }, 'recording an API key use failed'),
  });
  const oidcAuthenticator = oidc && new OidcAuthenticator({ ...oidc });
  const resources: IdentityResources = {
    apiKeys,
    auditLog,
    authenticator: new BearerTokenAuthenticator(keyAuthenticator, oidcAuthenticator),
  };
  return resources;
}

/** The audit log over a migrated identity schema. */
export function auditLogOf(pool: PgPool, schema: string | undefined): AuditLogRepository {
  return new AuditLogRepository(pool, schema === undefined ? {} : { schema });
}
