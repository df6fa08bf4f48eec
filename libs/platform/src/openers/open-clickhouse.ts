import { createClickHouse, type ClickHouseClient } from '@flywheel/clickhouse';
import type { OpenedResource } from '../opened-resource';
import type { ClickHousePlan } from '../resource-plan';

/** A client of the ClickHouse server, or of chDB over the data folder in this process. */
export function openClickHouse(plan: ClickHousePlan): OpenedResource<ClickHouseClient> {
  const client = createClickHouse(plan.url);
  return {
    value: client,
    check: async () => {
      const result = await client.query({ query: 'SELECT 1', format: 'JSONEachRow' });
      await result.json();
    },
    close: () => client.close(),
  };
}
