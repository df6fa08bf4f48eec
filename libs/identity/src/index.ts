export { IDENTITY_MIGRATIONS_DIR, IDENTITY_SCHEMA, migrateIdentitySchema } from './identity-schema';
export type { SqlExecutor } from './sql-executor';
export { MIN_PEPPER_LENGTH, assertPepper } from './pepper';
export type { ApiKeyView } from './api-key-row';
export {
  ApiKeyRepository,
  type ApiKeyRepositoryOptions,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from './api-key.repository';
export type { AuditLogEntry } from './audit-log-row';
export {
  AuditLogRepository,
  type AppendAuditInput,
  type AuditLogPage,
  type AuditLogQuery,
  DEFAULT_AUDIT_PAGE_SIZE,
  MAX_AUDIT_PAGE_SIZE,
} from './audit-log.repository';
export {
  ApiKeyAuthenticator,
  type ApiKeyAuthenticatorOptions,
  type ApiKeyFailure,
  type ApiKeyRecordSource,
  type ApiKeyVerification,
  DEFAULT_KEY_CACHE_TTL_MS,
} from './api-key-authenticator';
export {
  OIDC_ALGORITHMS,
  OidcAuthenticator,
  type OidcAuthenticatorOptions,
  type OidcVerification,
} from './oidc-authenticator';
export { OidcKeySetUnavailableError, type OidcTokenFailure, type OidcTokenRejection } from './oidc-failure';
