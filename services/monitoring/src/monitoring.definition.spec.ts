import { loadPlatformConfig } from '@flywheel/config';
import { monitoringService } from './monitoring.definition';

describe('monitoringService', () => {
  const config = loadPlatformConfig({ FLYWHEEL_MONITORING_GRPC_PORT: '6001' });

  it('serves gRPC on the configured port and no HTTP', () => {
    const definition = monitoringService(config, undefined, {});
    expect(definition).toMatchObject({ name: 'monitoring', grpc: { port: 6001 } });
    expect(definition.http).toBeUndefined();
  });

  it('refuses bad monitoring variables at definition time, naming them', () => {
    expect(() => monitoringService(config, undefined, { FLYWHEEL_MONITORING_WINDOW_SECONDS: '0' })).toThrow(
      /FLYWHEEL_MONITORING_WINDOW_SECONDS/,
    );
  });
});
