import { join } from 'node:path';
import { z } from 'zod';
import { type PlatformConfig, integerVariable, loadConfig } from '@flywheel/config';
import { IDENTITY_SCHEMA } from '@flywheel/identity';
import { ORCHESTRATION_SCHEMA } from './db/migrate-orchestration-schema';

/** Injection token of the service's `OrchestrationOptions`. */
export const ORCHESTRATION_OPTIONS = Symbol('flywheel.orchestration.options');

export interface OrchestrationOptions {
  /** PostgreSQL schema of the orchestration tables. */
  schema: string;
  /** PostgreSQL schema of the audit log (`@flywheel/identity`). */
  auditSchema: string;
  /** Each run's steps work in `<runsDir>/<run id>`. */
  runsDir: string;
  /** How often the run loop looks for runs to advance (ms). */
  pollIntervalMs: number;
  /** How long a run stays with the instance driving it without renewal (ms); another takes over after. */
  leaseMs: number;
  executor: ProcessExecutorOptions;
}

export interface ProcessExecutorOptions {
  /** Names of host environment variables a process step inherits, besides PATH. */
  envAllowlist: readonly string[];
  /** The most bytes of combined stdout and stderr kept per attempt (the end of it). */
  outputLimitBytes: number;
  /** Time between SIGTERM and SIGKILL when an attempt times out (ms). */
  killGraceMs: number;
}

/** Host variables a process step inherits by default: locale and time zone, nothing secret. */
export const DEFAULT_ENV_ALLOWLIST: readonly string[] = ['LANG', 'LC_ALL', 'TZ'];

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const orchestrationVariables = z.object({
  FLYWHEEL_ORCHESTRATION_POLL_MS: integerVariable({
    default: 1_000,
    min: 10,
    max: 600_000,
    what: 'a poll interval in ms',
  }),
  FLYWHEEL_ORCHESTRATION_LEASE_MS: integerVariable({
    default: 30_000,
    min: 100,
    max: 3_600_000,
    what: 'a lease in ms',
  }),
  FLYWHEEL_ORCHESTRATION_OUTPUT_LIMIT_BYTES: integerVariable({
    default: 65_536,
    min: 1_024,
    max: 16_777_216,
    what: 'a size in bytes',
  }),
  FLYWHEEL_ORCHESTRATION_KILL_GRACE_MS: integerVariable({
    default: 5_000,
    min: 0,
    max: 600_000,
    what: 'a grace period in ms',
  }),
  FLYWHEEL_ORCHESTRATION_ENV_ALLOWLIST: z
    .string()
    .optional()
    .transform((text) =>
      text === undefined
        ? [...DEFAULT_ENV_ALLOWLIST]
        : text
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
    )
    .refine(
      (names) => names.every((name) => ENV_NAME.test(name)),
      'must be a comma-separated list of environment variable names',
    ),
});

/**
 * The service's settings: FLYWHEEL_ORCHESTRATION_* variables (validated, every problem listed)
 * on top of the platform configuration, whose data directory holds the runs' working directories.
 */
export function orchestrationOptionsFrom(
  config: Pick<PlatformConfig, 'dataDir'>,
  env: NodeJS.ProcessEnv = process.env,
): OrchestrationOptions {
  const variables = loadConfig(orchestrationVariables, env);
  return {
    schema: ORCHESTRATION_SCHEMA,
    auditSchema: IDENTITY_SCHEMA,
    runsDir: join(config.dataDir, 'orchestration', 'runs'),
    pollIntervalMs: variables.FLYWHEEL_ORCHESTRATION_POLL_MS,
    leaseMs: variables.FLYWHEEL_ORCHESTRATION_LEASE_MS,
    executor: {
      envAllowlist: variables.FLYWHEEL_ORCHESTRATION_ENV_ALLOWLIST,
      outputLimitBytes: variables.FLYWHEEL_ORCHESTRATION_OUTPUT_LIMIT_BYTES,
      killGraceMs: variables.FLYWHEEL_ORCHESTRATION_KILL_GRACE_MS,
    },
  };
}
