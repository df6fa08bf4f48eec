import type { PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { RegistryModule } from './registry.module';

/**
 * The registry service as the process runs it: its module, its gRPC port and its HTTP port from
 * `config`.
 */
export function registryService(config: Pick<PlatformConfig, 'ports'>): ServiceDefinition {
  const ports = config.ports.registry;
  return {
    name: 'registry',
    module: RegistryModule,
    grpc: { port: ports.grpc, packages: [], protoFiles: [] },
    http: { port: ports.http },
  };
}
