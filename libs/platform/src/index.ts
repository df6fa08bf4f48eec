export {
  PlatformResources,
  type PlatformResourcesOptions,
  type ResourceCheck,
  type ResourceName,
} from './platform-resources';
export type { IdentityResources } from './identity/identity-resources';
export { BearerTokenAuthenticator, type TokenVerifier } from './identity/bearer-token-authenticator';
export {
  resourcePlan,
  type ResourcePlan,
  type EventBusPlan,
  type PostgresPlan,
  type ClickHousePlan,
  type ArtifactStorePlan,
} from './resource-plan';
export type { OpenedResource } from './opened-resource';
export { REAL_OPENERS, type ResourceOpeners } from './openers/resource-openers';
export { PlatformModule } from './nest/platform.module';
export { ARTIFACT_STORE, AUDIT_LOG, CLICKHOUSE, EVENT_BUS, PG_POOL } from './nest/platform-tokens';
