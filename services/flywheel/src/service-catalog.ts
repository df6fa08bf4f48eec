import type { PlatformConfig, ServiceName } from '@flywheel/config';
import { ingestionService } from '@flywheel/ingestion';
import { monitoringService } from '@flywheel/monitoring';
import { orchestrationService } from '@flywheel/orchestration';
import { PlatformModule, type PlatformResources } from '@flywheel/platform';
import { registryService } from '@flywheel/registry';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { servingGatewayService } from '@flywheel/serving-gateway';
import { trackingService } from '@flywheel/tracking';

type ServiceFactory = (config: PlatformConfig, resources: PlatformResources) => ServiceDefinition;

const CATALOG: Record<ServiceName, ServiceFactory> = {
  ingestion: ingestionService,
  tracking: trackingService,
  registry: registryService,
  orchestration: orchestrationService,
  'serving-gateway': servingGatewayService,
  monitoring: monitoringService,
};

/**
 * The definitions of the selected services, configured, each able to inject the process's
 * shared infrastructure clients (EVENT_BUS, PG_POOL, CLICKHOUSE, ARTIFACT_STORE).
 */
export function serviceDefinitions(
  targets: readonly ServiceName[],
  config: PlatformConfig,
  resources: PlatformResources,
): ServiceDefinition[] {
  return targets.map((target) => {
    const definition = CATALOG[target](config, resources);
    return {
      ...definition,
      imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)],
    };
  });
}
