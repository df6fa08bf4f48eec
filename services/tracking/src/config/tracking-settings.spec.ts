import { ConfigError, loadPlatformConfig } from '@flywheel/config';
import { loadTrackingSettings } from './tracking-settings';

describe('loadTrackingSettings', () => {
  it('defaults to the tracking schema and the registry port of this host', () => {
    const config = loadPlatformConfig({ FLYWHEEL_REGISTRY_HTTP_PORT: '6101' });
    expect(loadTrackingSettings(config, {})).toEqual({
      schema: 'tracking',
      registryUrl: 'http://127.0.0.1:6101',
      namedStatements: false,
      inProcessEventBus: true,
    });
  });

  it('reaches a registry bound to a wildcard address through loopback', () => {
    const v4 = loadPlatformConfig({ FLYWHEEL_BIND_HOST: '0.0.0.0' });
    const v6 = loadPlatformConfig({ FLYWHEEL_BIND_HOST: '::' });
    expect(loadTrackingSettings(v4, {}).registryUrl).toBe('http://127.0.0.1:5001');
    expect(loadTrackingSettings(v6, {}).registryUrl).toBe('http://[::1]:5001');
  });

  it('takes the schema and registry URL from the environment and names statements on PostgreSQL', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_DATABASE_URL: 'postgres://u:p@db:5432/flywheel',
      FLYWHEEL_KAFKA_BROKERS: 'kafka:9092',
    });
    const settings = loadTrackingSettings(config, {
      FLYWHEEL_TRACKING_SCHEMA: 'tracking_test_1',
      FLYWHEEL_REGISTRY_URL: 'https://registry.internal:8443',
    });
    expect(settings).toEqual({
      schema: 'tracking_test_1',
      registryUrl: 'https://registry.internal:8443',
      namedStatements: true,
      inProcessEventBus: false,
    });
  });

  it('rejects a schema that is not a plain identifier and a registry URL of another scheme', () => {
    const config = loadPlatformConfig({});
    const load = () =>
      loadTrackingSettings(config, {
        FLYWHEEL_TRACKING_SCHEMA: 'Bad-Schema',
        FLYWHEEL_REGISTRY_URL: 'ftp://x',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/FLYWHEEL_TRACKING_SCHEMA.*"Bad-Schema"[\s\S]*FLYWHEEL_REGISTRY_URL/);
  });
});
