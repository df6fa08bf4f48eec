import { ConfigError, loadPlatformConfig } from '@flywheel/config';
import { loadMonitoringSettings } from './monitoring-settings';
import { resolveModelConfig } from './model-monitoring-config';

const platform = loadPlatformConfig({});

describe('loadMonitoringSettings', () => {
  it('defaults to 5-minute tumbling windows, K = 3, Evidently drift defaults and the local registry', () => {
    const settings = loadMonitoringSettings(platform, {});
    expect(settings.database).toBe('flywheel');
    expect(settings.defaults.schedule).toEqual({
      sizeMs: 300_000,
      hopMs: 300_000,
      allowedLatenessMs: 60_000,
    });
    expect(settings.defaults.retrain).toEqual({ consecutiveWindows: 3, cooldownWindows: 12 });
    expect(settings.defaults.drift).toEqual({});
    expect(settings.defaults.reference).toEqual({ kind: 'registry' });
    expect(settings.registryAddress).toBe(`127.0.0.1:${platform.ports.registry.grpc}`);
  });

  it('reads per-model overrides and applies them over the defaults', () => {
    const settings = loadMonitoringSettings(platform, {
      FLYWHEEL_MONITORING_MODELS: JSON.stringify({
        churn: { windowSeconds: 60, consecutiveWindows: 2, drift: { thresholds: { wasserstein: 0.2 } } },
      }),
    });
    const churn = resolveModelConfig(settings.defaults, settings.models.churn);
    expect(churn.schedule).toEqual({ sizeMs: 60_000, hopMs: 60_000, allowedLatenessMs: 60_000 });
    expect(churn.retrain).toEqual({ consecutiveWindows: 2, cooldownWindows: 12 });
    expect(churn.drift).toEqual({ thresholds: { wasserstein: 0.2 } });
    expect(resolveModelConfig(settings.defaults, settings.models.other)).toBe(settings.defaults);
  });

  it('refuses invalid overrides naming the model and the field', () => {
    const load = (models: unknown) =>
      loadMonitoringSettings(platform, { FLYWHEEL_MONITORING_MODELS: JSON.stringify(models) });
    expect(() => load({ churn: { windowSeconds: 60, hopSeconds: 120 } })).toThrow(/churn.*hopMs/);
    expect(() => load({ churn: { drift: { thresholds: { ks: 2 } } } })).toThrow(/churn.*thresholds\.ks/);
    expect(() => load({ churn: { windowSize: 60 } })).toThrow(ConfigError);
    expect(() => loadMonitoringSettings(platform, { FLYWHEEL_MONITORING_MODELS: '{' })).toThrow(/JSON/);
  });

  it('refuses a database name that is not an identifier', () => {
    expect(() => loadMonitoringSettings(platform, { FLYWHEEL_CLICKHOUSE_DATABASE: 'a;b' })).toThrow(
      /FLYWHEEL_CLICKHOUSE_DATABASE/,
    );
  });
});
