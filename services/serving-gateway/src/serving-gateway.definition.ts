import type { PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { ServingGatewayModule } from './serving-gateway.module';

/**
 * The serving-gateway service as the process runs it: its module, its gRPC port and its HTTP
 * port from `config`.
 */
export function servingGatewayService(config: Pick<PlatformConfig, 'ports'>): ServiceDefinition {
  const ports = config.ports['serving-gateway'];
  return {
    name: 'serving-gateway',
    module: ServingGatewayModule,
    // Health and reflection only, which the kit declares itself.
    routes: {},
    grpc: { port: ports.grpc, packages: [], protoFiles: [] },
    http: { port: ports.http },
  };
}
