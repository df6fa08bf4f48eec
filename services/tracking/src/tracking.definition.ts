import { trackingV1 } from '@flywheel/contracts';
import type { Environment, PlatformConfig } from '@flywheel/config';
import type { ServiceDefinition } from '@flywheel/service-kit';
import { loadTrackingSettings } from './config/tracking-settings';
import { TrackingSettingsModule } from './config/tracking-settings.module';
import { TrackingModule } from './tracking.module';
import { TRACKING_ROUTES } from './tracking.routes';

/**
 * The tracking service as the process runs it: its module and settings, its route policy, its
 * gRPC port (`flywheel.tracking.v1.TrackingService`) and its HTTP port (MLflow REST) from
 * `config`. Its own variables (FLYWHEEL_TRACKING_SCHEMA, FLYWHEEL_REGISTRY_URL) come from `env`.
 * @throws ConfigError listing every bad tracking variable.
 */
export function trackingService(
  config: PlatformConfig,
  _resources?: unknown,
  env: Environment = process.env,
): ServiceDefinition {
  const ports = config.ports.tracking;
  return {
    name: 'tracking',
    module: TrackingModule,
    routes: TRACKING_ROUTES,
    imports: [TrackingSettingsModule.for(loadTrackingSettings(config, env))],
    grpc: {
      port: ports.grpc,
      packages: [trackingV1.FLYWHEEL_TRACKING_V1_PACKAGE_NAME],
      protoFiles: [trackingV1.protobufFileName],
    },
    http: { port: ports.http },
  };
}
