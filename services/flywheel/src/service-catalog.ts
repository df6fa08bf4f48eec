import type { PlatformConfig, ServiceName } from '@flywheel/config';
import { ingestionService } from '@flywheel/ingestion';
import { monitoringService } from '@flywheel/monitoring';
import { orchestrationService } from '@flywheel/orchestration';
import { registryService } from '@flywheel/registry';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { servingGatewayService } from '@flywheel/serving-gateway';
import { trackingService } from '@flywheel/tracking';

const CATALOG: Record<ServiceName, (config: PlatformConfig) => ServiceDefinition> = {
  ingestion: ingestionService,
  tracking: trackingService,
  registry: registryService,
  orchestration: orchestrationService,
  'serving-gateway': servingGatewayService,
  monitoring: monitoringService,
};

/** The definitions of the selected services, configured. */
export function serviceDefinitions(
  targets: readonly ServiceName[],
  config: PlatformConfig,
): ServiceDefinition[] {
  return targets.map((target) => CATALOG[target](config));
}
