import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@flywheel/config';
import { ReadinessProbe } from '@flywheel/service-kit';
import { trackingService } from './tracking.definition';

describe('trackingService', () => {
  const definition = trackingService(
    loadPlatformConfig({ FLYWHEEL_TRACKING_GRPC_PORT: '6001', FLYWHEEL_TRACKING_HTTP_PORT: '6002' }),
  );

  it('serves gRPC and HTTP on the configured ports', () => {
    expect(definition).toMatchObject({ name: 'tracking', grpc: { port: 6001 }, http: { port: 6002 } });
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
