import { loadPlatformConfig } from '@flywheel/config';
import { registryService } from './registry.definition';
import { REGISTRY_ROUTES } from './registry.routes';

describe('registryService', () => {
  const definition = registryService(
    loadPlatformConfig({ FLYWHEEL_REGISTRY_GRPC_PORT: '6001', FLYWHEEL_REGISTRY_HTTP_PORT: '6002' }),
  );

  it('serves RegistryService and the audit API on gRPC and MLflow REST on HTTP, on the configured ports', () => {
    expect(definition).toMatchObject({
      name: 'registry',
      grpc: {
        port: 6001,
        packages: ['flywheel.registry.v1', 'flywheel.audit.v1'],
        protoFiles: ['flywheel/registry/v1/registry_service.proto', 'flywheel/audit/v1/audit_service.proto'],
      },
      http: { port: 6002 },
      routes: REGISTRY_ROUTES,
    });
  });
});
