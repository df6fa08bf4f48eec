export { PlatformResources, type ResourceCheck, type ResourceName } from './platform-resources';
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
export { ARTIFACT_STORE, CLICKHOUSE, EVENT_BUS, PG_POOL } from './nest/platform-tokens';
