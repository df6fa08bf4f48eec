import type { PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { IngestionModule } from './ingestion.module';

/** The ingestion service as the process runs it: its module, its gRPC port from `config`. */
export function ingestionService(config: Pick<PlatformConfig, 'ports'>): ServiceDefinition {
  return {
    name: 'ingestion',
    module: IngestionModule,
    // Health and reflection only, which the kit declares itself.
    routes: {},
    grpc: { port: config.ports.ingestion.grpc, packages: [], protoFiles: [] },
  };
}
