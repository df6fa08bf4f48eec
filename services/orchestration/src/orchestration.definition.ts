import type { PlatformConfig } from '@flywheel/config';
import { orchestrationV1 } from '@flywheel/contracts';
import type { PlatformResources } from '@flywheel/platform';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { OrchestrationModule } from './orchestration.module';
import { type OrchestrationOptions, orchestrationOptionsFrom } from './orchestration-options';
import { ORCHESTRATION_ROUTES } from './orchestration.routes';

/**
 * The orchestration service as the process runs it: its module configured from `config` and the
 * FLYWHEEL_ORCHESTRATION_* variables, its route table and gRPC port. `options` overrides the
 * settings (tests).
 */
export function orchestrationService(
  config: Pick<PlatformConfig, 'ports' | 'dataDir'>,
  _resources?: PlatformResources,
  options: OrchestrationOptions = orchestrationOptionsFrom(config),
): ServiceDefinition {
  return {
    name: 'orchestration',
    module: OrchestrationModule,
    imports: [OrchestrationModule.forRoot(options)],
    routes: ORCHESTRATION_ROUTES,
    grpc: {
      port: config.ports.orchestration.grpc,
      packages: [orchestrationV1.FLYWHEEL_ORCHESTRATION_V1_PACKAGE_NAME],
      protoFiles: [orchestrationV1.protobufFileName],
    },
  };
}
