import { join } from 'node:path';
import { z } from 'zod';
import { type PlatformConfig, integerVariable, loadConfig } from '@flywheel/config';
import { Topic } from '@flywheel/contracts';
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
  /** The model registry's gRPC API, for the register, deploy-canary and promote steps; without it they fail as not configured. */
  registry?: { address: string; token?: string };
  /**
   * Kafka topics: commands and registry events trigger runs, deployment events carry traffic
   * policies. Without it no trigger is consumed and no canary can be rolled out.
   */
  events?: EventOptions;
  /** The data, training and evaluation steps: tracking's MLflow REST URL and the ClickHouse database of contract 1. */
  ml?: { trackingUrl: string; trackingToken?: string; clickhouseDatabase: string };
  /** The Kubernetes API for `kubernetes` steps; without it they fail, saying no cluster is configured. */
  kubernetes?: KubernetesOptions;
}

export interface KubernetesOptions {
  /** API server base URL, `https://…`. */
  apiUrl: string;
  namespace: string;
  /** Service account bearer token. A private cluster CA goes in NODE_EXTRA_CA_CERTS. */
  token: string;
}

export interface EventOptions {
  commandsTopic: string;
  registryEventsTopic: string;
  deploymentsTopic: string;
  /** Consumer group shared by the replicas: a command is handled by one, and deduplicated by key. */
  consumerGroup: string;
}

export interface ProcessExecutorOptions {
  /** Names of host environment variables a process step inherits, besides PATH. */
  envAllowlist: readonly string[];
  /** The most bytes of combined stdout and stderr kept per attempt (the end of it). */
  outputLimitBytes: number;
  /** Time between SIGTERM and SIGKILL when an attempt times out (ms). */
  killGraceMs: number;
  /**
   * Where the platform's services are, given to every process (a step's own `env` may override):
   * `MLFLOW_TRACKING_URI`, `FLYWHEEL_TRACKING_URL`, `FLYWHEEL_REGISTRY_ADDRESS`, `FLYWHEEL_CLICKHOUSE_URL`,
   * `FLYWHEEL_CLICKHOUSE_DATABASE`. Addresses only, never credentials.
   */
  serviceEnv?: Readonly<Record<string, string>>;
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
  FLYWHEEL_ORCHESTRATION_REGISTRY_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .optional(),
  FLYWHEEL_ORCHESTRATION_REGISTRY_TOKEN: z.string().min(1).optional(),
  FLYWHEEL_ORCHESTRATION_TRACKING_URL: z.url({ protocol: /^https?$/ }).optional(),
  FLYWHEEL_ORCHESTRATION_TRACKING_TOKEN: z.string().min(1).optional(),
  FLYWHEEL_CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .default('flywheel'),
  FLYWHEEL_ORCHESTRATION_KUBERNETES_API: z.url({ protocol: /^https$/ }).optional(),
  FLYWHEEL_ORCHESTRATION_KUBERNETES_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .default('default'),
  FLYWHEEL_ORCHESTRATION_KUBERNETES_TOKEN: z.string().min(1).optional(),
  FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'must be a Kafka group id of letters, digits, ".", "_" or "-"')
    .default('orchestration'),
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
  config: Pick<PlatformConfig, 'dataDir'> & Partial<Pick<PlatformConfig, 'ports'>>,
  env: NodeJS.ProcessEnv = process.env,
): OrchestrationOptions {
  const variables = loadConfig(orchestrationVariables, env);
  const registryAddress =
    variables.FLYWHEEL_ORCHESTRATION_REGISTRY_ADDRESS ??
    (config.ports ? `127.0.0.1:${config.ports.registry.grpc}` : undefined);
  const trackingUrl =
    variables.FLYWHEEL_ORCHESTRATION_TRACKING_URL ??
    (config.ports ? `http://127.0.0.1:${config.ports.tracking.http}` : undefined);
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
      serviceEnv: {
        ...(trackingUrl && { MLFLOW_TRACKING_URI: trackingUrl, FLYWHEEL_TRACKING_URL: trackingUrl }),
        ...(registryAddress && { FLYWHEEL_REGISTRY_ADDRESS: registryAddress }),
      },
    },
    ...(registryAddress && {
      registry: {
        address: registryAddress,
        ...(variables.FLYWHEEL_ORCHESTRATION_REGISTRY_TOKEN && {
          token: variables.FLYWHEEL_ORCHESTRATION_REGISTRY_TOKEN,
        }),
      },
    }),
    ...(trackingUrl && {
      ml: {
        trackingUrl,
        clickhouseDatabase: variables.FLYWHEEL_CLICKHOUSE_DATABASE,
        ...(variables.FLYWHEEL_ORCHESTRATION_TRACKING_TOKEN && {
          trackingToken: variables.FLYWHEEL_ORCHESTRATION_TRACKING_TOKEN,
        }),
      },
    }),
    ...(variables.FLYWHEEL_ORCHESTRATION_KUBERNETES_API &&
      variables.FLYWHEEL_ORCHESTRATION_KUBERNETES_TOKEN && {
        kubernetes: {
          apiUrl: variables.FLYWHEEL_ORCHESTRATION_KUBERNETES_API,
          namespace: variables.FLYWHEEL_ORCHESTRATION_KUBERNETES_NAMESPACE,
          token: variables.FLYWHEEL_ORCHESTRATION_KUBERNETES_TOKEN,
        },
      }),
    events: {
      commandsTopic: Topic.OrchestrationCommands,
      registryEventsTopic: Topic.RegistryEvents,
      deploymentsTopic: Topic.DeploymentEvents,
      consumerGroup: variables.FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP,
    },
  };
}
