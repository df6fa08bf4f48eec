import { z } from 'zod';
import { type PlatformConfig, integerVariable, loadConfig, reachableHost, urlVariable } from '@flywheel/config';
import { Topic } from '@flywheel/contracts';
import { IDENTITY_SCHEMA } from '@flywheel/identity';
import { REGISTRY_SCHEMA } from './db/migrate-registry-schema';

/** Injection token of the registry's `RegistryOptions`. */
export const REGISTRY_OPTIONS = Symbol('flywheel.registry.options');

export interface RegistryOptions {
  /** PostgreSQL schema of the registry's tables. */
  schema: string;
  /** PostgreSQL schema of the audit log (`@flywheel/identity`). */
  auditSchema: string;
  /** Topic the outbox relay publishes to. */
  topic: string;
  relay: { pollIntervalMs: number; batchSize: number };
  /** How often the managed-copy worker looks for versions waiting for their copy (ms). */
  copyPollIntervalMs: number;
  /** Base URL of the tracking service's MLflow REST API (resolves `runs:/` and `models:/m-...`). */
  trackingUrl: string;
}

const registryVariables = z.object({
  FLYWHEEL_REGISTRY_OUTBOX_POLL_MS: integerVariable({ default: 500, min: 10, max: 60_000, what: 'a poll interval in ms' }),
  FLYWHEEL_REGISTRY_OUTBOX_BATCH_SIZE: integerVariable({ default: 500, min: 1, max: 10_000, what: 'a batch size' }),
  FLYWHEEL_REGISTRY_COPY_POLL_MS: integerVariable({ default: 2_000, min: 100, max: 600_000, what: 'a poll interval in ms' }),
  FLYWHEEL_REGISTRY_TRACKING_URL: urlVariable(['http', 'https']),
});

/**
 * The registry's settings: FLYWHEEL_REGISTRY_* variables (validated, every problem listed) on top
 * of the platform configuration. The tracking URL defaults to the tracking service's HTTP port
 * on this host, which is where it runs in the standalone shape.
 */
export function registryOptionsFrom(
  config: Pick<PlatformConfig, 'bindHost' | 'ports'>,
  env: NodeJS.ProcessEnv = process.env,
): RegistryOptions {
  const variables = loadConfig(registryVariables, env);
  return {
    schema: REGISTRY_SCHEMA,
    auditSchema: IDENTITY_SCHEMA,
    topic: Topic.RegistryEvents,
    relay: { pollIntervalMs: variables.FLYWHEEL_REGISTRY_OUTBOX_POLL_MS, batchSize: variables.FLYWHEEL_REGISTRY_OUTBOX_BATCH_SIZE },
    copyPollIntervalMs: variables.FLYWHEEL_REGISTRY_COPY_POLL_MS,
    trackingUrl: variables.FLYWHEEL_REGISTRY_TRACKING_URL ?? `http://${reachableHost(config.bindHost)}:${config.ports.tracking.http}`,
  };
}
