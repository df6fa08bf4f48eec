import type { PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { TrackingModule } from './tracking.module';

/**
 * The tracking service as the process runs it: its module, its gRPC port and its HTTP port from
 * `config`.
 */
export function trackingService(config: Pick<PlatformConfig, 'ports'>): ServiceDefinition {
  const ports = config.ports.tracking;
  return {
    name: 'tracking',
    module: TrackingModule,
    grpc: { port: ports.grpc, packages: [], protoFiles: [] },
    http: { port: ports.http },
  };
}
