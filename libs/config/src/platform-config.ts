import { join } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config-error';
import { flagToVariable, variableToFlag } from './flag-names';
import { limitsConfigOf, type RequestLimitsConfig } from './limit-variables';
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
import { authConfigOf, type AuthConfig } from './security/auth-variables';
import { readSecretFiles, secretFileVariable } from './security/secret-files';
import { tlsConfigOf, type TlsConfig } from './security/tls-variables';
import { kafkaSecurityOf, type KafkaSecurityConfig } from './security/kafka-security-variables';
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
  kafka: { kind: 'in-process' } | { kind: 'brokers'; brokers: readonly string[]; security?: KafkaSecurityConfig };
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
  auth: AuthConfig;
  /** TLS for every service port (not the admin port); unset: plaintext. */
  tls?: TlsConfig;
  limits: RequestLimitsConfig;
}

export const platformConfigSchema = platformVariablesSchema.transform(toPlatformConfig);

/**
 * Loads the platform configuration from `FLYWHEEL_*` variables and flags (`--admin-port`
 * overrides FLYWHEEL_ADMIN_PORT). Secrets come from the environment or from the file named by
 * `<NAME>_FILE`; TLS files are read and checked here.
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
  const secrets = readSecretFiles(SECRET_VARIABLES, env, flags);
  let config: Readonly<PlatformConfig>;
  try {
    config = loadConfig(platformConfigSchema, secrets.env, flags);
  } catch (error) {
    if (!(error instanceof ConfigError) || secrets.problems.length === 0) throw error;
    // A secret whose file failed is also "missing" to the schema: report the file only.
    const rest = error.problems.filter((problem) => !secrets.failed.has(problem.variable));
    throw new ConfigError([...secrets.problems, ...rest]);
  }
  if (secrets.problems.length > 0) throw new ConfigError(secrets.problems);
  return config;
}

export interface VariableDescription {
  variable: string;
  /** The command-line flag that overrides it; undefined for secrets (environment only). */
  flag: string | undefined;
  description: string;
}

/** Every platform variable with its flag and description, for help output and docs. */
export function describePlatformVariables(): VariableDescription[] {
  return Object.entries(platformVariables).flatMap(([variable, schema]: [string, z.ZodType]) => {
    const described = { variable, flag: variableToFlag(variable), description: schema.description ?? '' };
    if (!SECRET_VARIABLES.has(variable)) return [described];
    const file = secretFileVariable(variable);
    return [
      { ...described, flag: undefined },
      {
        variable: file,
        flag: variableToFlag(file),
        description: `file holding ${variable} (instead of the variable)`,
      },
    ];
  });
}

function toPlatformConfig(v: PlatformVariables): PlatformConfig {
  const dataDir = v.FLYWHEEL_DATA_DIR;
  const accessKeyId = v.FLYWHEEL_S3_ACCESS_KEY_ID;
  const secretAccessKey = v.FLYWHEEL_S3_SECRET_ACCESS_KEY;
  return {
    dataDir,
    kafka: v.FLYWHEEL_KAFKA_BROKERS
      ? { kind: 'brokers', brokers: v.FLYWHEEL_KAFKA_BROKERS, ...withKafkaSecurity(v) }
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
    auth: authConfigOf(v),
    ...withTls(v),
    limits: limitsConfigOf(v),
  };
}

function withTls(v: PlatformVariables): { tls?: TlsConfig } {
  const tls = tlsConfigOf(v);
  return tls ? { tls } : {};
}

function withKafkaSecurity(v: PlatformVariables): { security?: KafkaSecurityConfig } {
  const security = kafkaSecurityOf(v);
  return security ? { security } : {};
}
