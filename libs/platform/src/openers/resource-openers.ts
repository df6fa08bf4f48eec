import type { ClickHouseClient } from '@flywheel/clickhouse';
import type { EventBus } from '@flywheel/kafka';
import type { PgPool } from '@flywheel/postgres';
import type { ArtifactStore } from '@flywheel/storage';
import type { OpenedResource } from '../opened-resource';
import type { ArtifactStorePlan, ClickHousePlan, EventBusPlan, PostgresPlan } from '../resource-plan';
import { openArtifactStore } from './open-artifact-store';
import { openClickHouse } from './open-clickhouse';
import { openEventBus } from './open-event-bus';
import { openPostgres } from './open-postgres';

/** How each resource is opened from its plan; tests of the lifecycle pass their own. */
export interface ResourceOpeners {
  eventBus(plan: EventBusPlan): OpenedResource<EventBus>;
  postgres(plan: PostgresPlan): Promise<OpenedResource<PgPool>>;
  clickhouse(plan: ClickHousePlan): OpenedResource<ClickHouseClient>;
  artifactStore(plan: ArtifactStorePlan): OpenedResource<ArtifactStore>;
}

export const REAL_OPENERS: ResourceOpeners = Object.freeze({
  eventBus: openEventBus,
  postgres: openPostgres,
  clickhouse: openClickHouse,
  artifactStore: openArtifactStore,
});
