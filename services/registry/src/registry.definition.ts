import type { PlatformConfig } from '@flywheel/config';
import { FLYWHEEL_REGISTRY_V1_PACKAGE_NAME, registryV1 } from '@flywheel/contracts';
import type { PlatformResources } from '@flywheel/platform';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { AUDIT_GRPC_PACKAGE, AUDIT_PROTO_FILE } from './audit/audit.routes';
import { RegistryModule } from './registry.module';
import { type RegistryOptions, registryOptionsFrom } from './registry-options';
import { REGISTRY_ROUTES } from './registry.routes';

/**
 * The registry service as the process runs it: its module configured from `config` and the
 * FLYWHEEL_REGISTRY_* variables, its route table, gRPC (RegistryService and the audit API) and
 * HTTP (MLflow model-registry REST) ports. `options` overrides the settings (tests).
 */
export function registryService(
  config: Pick<PlatformConfig, 'ports' | 'bindHost'>,
  _resources?: PlatformResources,
  options: RegistryOptions = registryOptionsFrom(config),
): ServiceDefinition {
  const ports = config.ports.registry;
  return {
    name: 'registry',
    module: RegistryModule,
    imports: [RegistryModule.forRoot(options)],
    routes: REGISTRY_ROUTES,
    grpc: {
      port: ports.grpc,
      packages: [FLYWHEEL_REGISTRY_V1_PACKAGE_NAME, AUDIT_GRPC_PACKAGE],
      protoFiles: [registryV1.protobufFileName, AUDIT_PROTO_FILE],
    },
    http: { port: ports.http },
  };
}
