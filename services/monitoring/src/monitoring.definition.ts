import type { PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { MonitoringModule } from './monitoring.module';

/** The monitoring service as the process runs it: its module, its gRPC port from `config`. */
export function monitoringService(config: Pick<PlatformConfig, 'ports'>): ServiceDefinition {
  return {
    name: 'monitoring',
    module: MonitoringModule,
    // Health and reflection only, which the kit declares itself.
    routes: {},
    grpc: { port: config.ports.monitoring.grpc, packages: [], protoFiles: [] },
  };
}
