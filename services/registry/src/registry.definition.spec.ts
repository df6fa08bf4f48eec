import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@flywheel/config';
import { ReadinessProbe } from '@flywheel/service-kit';
import { registryService } from './registry.definition';

describe('registryService', () => {
  const definition = registryService(
    loadPlatformConfig({ FLYWHEEL_REGISTRY_GRPC_PORT: '6001', FLYWHEEL_REGISTRY_HTTP_PORT: '6002' }),
  );

  it('serves gRPC and HTTP on the configured ports', () => {
    expect(definition).toMatchObject({ name: 'registry', grpc: { port: 6001 }, http: { port: 6002 } });
  });

  it('provides the readiness probe the kit asks before serving', async () => {
    const app = await NestFactory.createApplicationContext(definition.module, { logger: false });
    try {
      await expect(app.get(ReadinessProbe).check()).resolves.toEqual([]);
    } finally {
      await app.close();
    }
  });
});
