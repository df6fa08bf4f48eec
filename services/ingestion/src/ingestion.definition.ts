import type { PlatformConfig } from '@flywheel/config';
import type { PlatformResources } from '@flywheel/platform';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { type IngestionOptions, ingestionOptionsFrom } from './ingestion-options';
import { IngestionModule } from './ingestion.module';

/**
 * The ingestion service as the process runs it: its module configured from `config` and the
 * FLYWHEEL_INGESTION_* variables, its gRPC port (health and reflection only). `options`
 * overrides the settings (tests).
 */
export function ingestionService(
  config: Pick<PlatformConfig, 'ports' | 'auth' | 'tls'>,
  _resources?: PlatformResources,
  options: IngestionOptions = ingestionOptionsFrom(config),
): ServiceDefinition {
  return {
    name: 'ingestion',
    module: IngestionModule,
    imports: [IngestionModule.forRoot(options, { auth: config.auth, ...(config.tls && { tls: config.tls }) })],
    // Health and reflection only, which the kit declares itself.
    routes: {},
    grpc: { port: config.ports.ingestion.grpc, packages: [], protoFiles: [] },
  };
}
