export { AccessInputError } from './errors';

export { ROLES, type Role, isRole, parseRole, roleAtLeast } from './roles';
export {
  ACTIONS,
  type Action,
  PERMISSION_TABLE,
  isAction,
  isMutatingAction,
  parseAction,
  requiredRole,
  roleMayPerform,
} from './permissions';
export {
  ANONYMOUS_PRINCIPAL,
  AUTH_DISABLED_PRINCIPAL,
  type Principal,
  type PrincipalKind,
  principalKey,
} from './principal';

export {
  type AuthorizeDenial,
  type AuthorizeInput,
  type AuthorizeResult,
  type RoutePolicyTable,
  type RouteRequirement,
  assertValidRouteTable,
  authorize,
  grpcRouteId,
  isUnguarded,
  httpRouteId,
  routesMissingFromTable,
} from './route-policy';
export {
  type AccessCase,
  FAILING_CREDENTIALS,
  type MatrixCaller,
  type MatrixExpectation,
  accessCases,
} from './access-matrix';

export {
  API_KEY_ID_LENGTH,
  API_KEY_PREFIX,
  API_KEY_SECRET_BYTES,
  type GeneratedApiKey,
  type RandomBytes,
  apiKeyIdOf,
  generateApiKey,
  parseApiKeyToken,
} from './api-key/api-key-token';
export { API_KEY_SALT_BYTES, generateApiKeySalt, hashApiKeySecret } from './api-key/api-key-hash';
export { type ApiKeyRecord, type IssueApiKeyInput, issueApiKey } from './api-key/api-key-record';
export { type ApiKeyFailure, type ApiKeyVerification, verifyApiKey } from './api-key/verify-api-key';
export { type BearerParse, parseBearer } from './api-key/bearer';
export { parseDuration } from './api-key/duration';

export {
  DEFAULT_CLOCK_SKEW_SECONDS,
  type OidcClaimsConfig,
  type OidcFailure,
  type OidcPrincipalResult,
  principalFromOidcClaims,
} from './oidc-claims';

export {
  type ApprovalCheck,
  type ApprovalPolicy,
  DEFAULT_APPROVAL_POLICY,
  NO_APPROVAL_POLICY,
  type PromotionTransition,
  approvalRequired,
  checkApproval,
} from './approval';

export {
  DEFAULT_MAX_RATE_LIMITED_KEYS,
  KeyedRateLimiter,
  type KeyedRateLimiterOptions,
} from './rate-limit/keyed-rate-limiter';
export type { TakeResult } from './rate-limit/token-bucket';

export { type AuditEntry, auditEntry } from './audit-entry';
export { DEFAULT_SECRET_KEY_PATTERN, REDACTED, redact } from './redact';
