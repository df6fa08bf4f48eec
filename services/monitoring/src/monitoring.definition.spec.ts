import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@flywheel/config';
import { ReadinessProbe } from '@flywheel/service-kit';
import { monitoringService } from './monitoring.definition';

describe('monitoringService', () => {
  const definition = monitoringService(loadPlatformConfig({ FLYWHEEL_MONITORING_GRPC_PORT: '6001' }));

  it('serves gRPC on the configured port and no HTTP', () => {
    expect(definition).toMatchObject({ name: 'monitoring', grpc: { port: 6001 } });
    expect(definition.http).toBeUndefined();
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
