import { join } from 'node:path';
import type { z } from 'zod';
import { flagToVariable, variableToFlag } from './flag-names';
import { loadConfig, type Environment } from './load-config';
import {
  artifactsOrDefault,
  clickHouseOrDefault,
  type ArtifactLocation,
  type ClickHouseLocation,
} from './locations';
import {
  platformVariables,
  platformVariablesSchema,
  SECRET_VARIABLES,
  type LogLevel,
  type PlatformVariables,
} from './platform-variables';
import type { ServiceName } from './service-names';

export interface ServicePorts {
  grpc: number;
  http?: number;
}

/** The ports of each service; tracking, registry and serving-gateway also serve HTTP. */
export interface PlatformPorts extends Record<ServiceName, ServicePorts> {
  ingestion: { grpc: number };
  tracking: { grpc: number; http: number };
  registry: { grpc: number; http: number };
  orchestration: { grpc: number };
  'serving-gateway': { grpc: number; http: number };
  monitoring: { grpc: number };
}

/** The validated platform configuration, grouped by concern. */
export interface PlatformConfig {
  dataDir: string;
  kafka: { kind: 'in-process' } | { kind: 'brokers'; brokers: readonly string[] };
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  clickhouse: ClickHouseLocation;
  artifacts: ArtifactLocation;
  s3: {
    endpoint?: string;
    region: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  };
  bindHost: string;
  adminPort: number;
  ports: Readonly<PlatformPorts>;
  logLevel: LogLevel;
  otlpEndpoint?: string;
  shutdownTimeoutMs: number;
}

export const platformConfigSchema = platformVariablesSchema.transform(toPlatformConfig);

/**
 * Loads the platform configuration from `FLYWHEEL_*` variables and flags (`--admin-port`
 * overrides FLYWHEEL_ADMIN_PORT).
 * @throws ConfigError listing every problem.
 */
export function loadPlatformConfig(
  env: Environment = process.env,
  flags: Environment = {},
): Readonly<PlatformConfig> {
  const secretFlags = Object.keys(flags).filter((flag) => SECRET_VARIABLES.has(flagToVariable(flag)));
  if (secretFlags.length > 0) {
    throw new Error(`secrets are read from the environment only, not flags: --${secretFlags.join(', --')}`);
  }
  return loadConfig(platformConfigSchema, env, flags);
}

export interface VariableDescription {
  variable: string;
  /** The command-line flag that overrides it; undefined for secrets (environment only). */
  flag: string | undefined;
  description: string;
}

/** Every platform variable with its flag and description, for help output and docs. */
export function describePlatformVariables(): VariableDescription[] {
  return Object.entries(platformVariables).map(([variable, schema]: [string, z.ZodType]) => ({
    variable,
    flag: SECRET_VARIABLES.has(variable) ? undefined : variableToFlag(variable),
    description: schema.description ?? '',
  }));
}

function toPlatformConfig(v: PlatformVariables): PlatformConfig {
  const dataDir = v.FLYWHEEL_DATA_DIR;
  const accessKeyId = v.FLYWHEEL_S3_ACCESS_KEY_ID;
  const secretAccessKey = v.FLYWHEEL_S3_SECRET_ACCESS_KEY;
  return {
    dataDir,
    kafka: v.FLYWHEEL_KAFKA_BROKERS
      ? { kind: 'brokers', brokers: v.FLYWHEEL_KAFKA_BROKERS }
      : { kind: 'in-process' },
    database: v.FLYWHEEL_DATABASE_URL
      ? { kind: 'postgres', url: v.FLYWHEEL_DATABASE_URL }
      : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    clickhouse: clickHouseOrDefault(v.FLYWHEEL_CLICKHOUSE_URL, dataDir),
    artifacts: artifactsOrDefault(v.FLYWHEEL_ARTIFACT_ROOT, dataDir),
    s3: {
      ...(v.FLYWHEEL_S3_ENDPOINT && { endpoint: v.FLYWHEEL_S3_ENDPOINT }),
      region: v.FLYWHEEL_S3_REGION,
      ...(accessKeyId && secretAccessKey && { credentials: { accessKeyId, secretAccessKey } }),
    },
    bindHost: v.FLYWHEEL_BIND_HOST,
    adminPort: v.FLYWHEEL_ADMIN_PORT,
    ports: {
      ingestion: { grpc: v.FLYWHEEL_INGESTION_GRPC_PORT },
      tracking: { grpc: v.FLYWHEEL_TRACKING_GRPC_PORT, http: v.FLYWHEEL_TRACKING_HTTP_PORT },
      registry: { grpc: v.FLYWHEEL_REGISTRY_GRPC_PORT, http: v.FLYWHEEL_REGISTRY_HTTP_PORT },
      orchestration: { grpc: v.FLYWHEEL_ORCHESTRATION_GRPC_PORT },
      'serving-gateway': { grpc: v.FLYWHEEL_SERVING_GRPC_PORT, http: v.FLYWHEEL_SERVING_HTTP_PORT },
      monitoring: { grpc: v.FLYWHEEL_MONITORING_GRPC_PORT },
    },
    logLevel: v.FLYWHEEL_LOG_LEVEL,
    ...(v.FLYWHEEL_OTEL_EXPORTER_OTLP_ENDPOINT && { otlpEndpoint: v.FLYWHEEL_OTEL_EXPORTER_OTLP_ENDPOINT }),
    shutdownTimeoutMs: v.FLYWHEEL_SHUTDOWN_TIMEOUT_MS,
  };
}
