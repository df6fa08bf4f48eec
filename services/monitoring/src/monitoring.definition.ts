import type { Environment, PlatformConfig } from '@flywheel/config';
import type { PlatformResources } from '@flywheel/platform';
import type { ServiceDefinition } from '@flywheel/service-kit';
import type { MonitoringOptions } from './monitoring-options';
import { MonitoringModule } from './monitoring.module';
import { loadMonitoringSettings } from './settings/monitoring-settings';

/**
 * The monitoring service as the process runs it: its module configured from `config` and the
 * FLYWHEEL_MONITORING_* variables, its gRPC port (health and reflection only).
 * @throws ConfigError listing every bad monitoring variable.
 */
export function monitoringService(
  config: Pick<PlatformConfig, 'ports' | 'auth' | 'tls'>,
  _resources?: PlatformResources,
  env: Environment = process.env,
  overrides: Partial<MonitoringOptions> = {},
): ServiceDefinition {
  const options: MonitoringOptions = {
    settings: loadMonitoringSettings(config, env),
    platform: { auth: config.auth, ...(config.tls && { tls: config.tls }) },
    ...overrides,
  };
  return {
    name: 'monitoring',
    module: MonitoringModule,
    imports: [MonitoringModule.forRoot(options)],
    // Health and reflection only, which the kit declares itself.
    routes: {},
    grpc: { port: config.ports.monitoring.grpc, packages: [], protoFiles: [] },
  };
}
