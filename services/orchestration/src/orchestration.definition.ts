import type { PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { OrchestrationModule } from './orchestration.module';

/** The orchestration service as the process runs it: its module, its gRPC port from `config`. */
export function orchestrationService(config: Pick<PlatformConfig, 'ports'>): ServiceDefinition {
  return {
    name: 'orchestration',
    module: OrchestrationModule,
    // Health and reflection only, which the kit declares itself.
    routes: {},
    grpc: { port: config.ports.orchestration.grpc, packages: [], protoFiles: [] },
  };
}
