import { z } from 'zod';
import { loadConfig, reachableHost, urlVariable, type Environment, type PlatformConfig } from '@flywheel/config';

/** What the tracking service reads beyond the platform configuration. */
export interface TrackingSettings {
  /** PostgreSQL schema of the tracking tables (tests use one per file). */
  schema: string;
  /** Base URL of the registry's HTTP port, where the MLflow model-registry routes are forwarded. */
  registryUrl: string;
  /**
   * Whether hot statements are named (prepared once per connection). Only on a real PostgreSQL
   * server: PGlite shares one session between connections, so names would collide.
   */
  namedStatements: boolean;
  /** The in-process bus has no deployment step, so the service creates its topic there itself. */
  inProcessEventBus: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const trackingVariablesSchema = z.object({
  FLYWHEEL_TRACKING_SCHEMA: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return 'tracking';
      if (!SCHEMA_NAME.test(raw)) {
        ctx.addIssue({
          code: 'custom',
          message: `expected 1-63 characters of a-z, 0-9 and _ not starting with a digit, got "${raw}"`,
        });
        return z.NEVER;
      }
      return raw;
    })
    .describe('PostgreSQL schema of the tracking tables (default tracking)'),
  FLYWHEEL_REGISTRY_URL: urlVariable(['http', 'https']).describe(
    'registry HTTP base URL the MLflow model-registry routes are forwarded to (default: the local registry port)',
  ),
});

/**
 * The tracking service's settings from `FLYWHEEL_TRACKING_SCHEMA`, `FLYWHEEL_REGISTRY_URL` and the
 * platform configuration. @throws ConfigError listing every bad variable.
 */
export function loadTrackingSettings(
  config: Pick<PlatformConfig, 'bindHost' | 'ports' | 'database' | 'kafka'>,
  env: Environment = process.env,
): TrackingSettings {
  const variables = loadConfig(trackingVariablesSchema, env);
  return {
    schema: variables.FLYWHEEL_TRACKING_SCHEMA,
    registryUrl: variables.FLYWHEEL_REGISTRY_URL ?? `http://${reachableHost(config.bindHost)}:${config.ports.registry.http}`,
    namedStatements: config.database.kind === 'postgres',
    inProcessEventBus: config.kafka.kind === 'in-process',
  };
}
