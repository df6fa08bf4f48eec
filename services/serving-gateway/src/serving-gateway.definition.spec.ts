import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@flywheel/config';
import { ReadinessProbe } from '@flywheel/service-kit';
import { servingGatewayService } from './serving-gateway.definition';

describe('servingGatewayService', () => {
  const definition = servingGatewayService(
    loadPlatformConfig({ FLYWHEEL_SERVING_GRPC_PORT: '6001', FLYWHEEL_SERVING_HTTP_PORT: '6002' }),
  );

  it('serves gRPC and HTTP on the configured ports', () => {
    expect(definition).toMatchObject({ name: 'serving-gateway', grpc: { port: 6001 }, http: { port: 6002 } });
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
