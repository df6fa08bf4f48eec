import { resolve } from 'node:path';
import { z } from 'zod';
import { artifactRootVariable, clickHouseVariable } from './locations';
import { limitVariables } from './limit-variables';
import { authVariables, checkAuthVariables } from './security/auth-variables';
import { checkTlsVariables, tlsVariables } from './security/tls-variables';
import { checkKafkaSecurityVariables, kafkaSecurityVariables } from './security/kafka-security-variables';
import {
  brokerListVariable,
  choiceVariable,
  hostVariable,
  integerVariable,
  portVariable,
  urlVariable,
} from './variables';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Variables whose values are never printed, echoed in errors or accepted as flags. Each may
 * instead be read from the file named by `<NAME>_FILE` (see `readSecretFiles`).
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'FLYWHEEL_S3_SECRET_ACCESS_KEY',
  'FLYWHEEL_AUTH_PEPPER',
  'FLYWHEEL_SERVICE_API_KEY',
  'FLYWHEEL_KAFKA_SASL_PASSWORD',
]);

/**
 * Every platform variable with its parser and the description `flywheel --help` prints.
 * Unset values select the embedded defaults of the standalone shape.
 */
export const platformVariables = {
  FLYWHEEL_DATA_DIR: z
    .string()
    .optional()
    .transform((dir) => resolve(dir ?? './.flywheel'))
    .describe('folder for embedded data: PGlite, chDB, artifacts (default ./.flywheel)'),
  FLYWHEEL_KAFKA_BROKERS: brokerListVariable().describe(
    'Kafka brokers host:port,... (unset: the in-process bus)',
  ),
  ...kafkaSecurityVariables,
  FLYWHEEL_DATABASE_URL: urlVariable(['postgres', 'postgresql']).describe(
    'postgres://user:pass@host:port/db (unset: PGlite)',
  ),
  FLYWHEEL_CLICKHOUSE_URL: clickHouseVariable().describe(
    'http(s)://host:port or chdb://<dir> (default chdb://<data dir>/clickhouse)',
  ),
  FLYWHEEL_ARTIFACT_ROOT: artifactRootVariable().describe(
    's3://<bucket>/<prefix> or file://<dir> (default file://<data dir>/artifacts)',
  ),
  FLYWHEEL_S3_ENDPOINT: urlVariable(['http', 'https']).describe(
    'S3 API endpoint of a non-AWS server such as MinIO',
  ),
  FLYWHEEL_S3_REGION: z
    .string()
    .optional()
    .transform((region) => region ?? 'us-east-1')
    .describe('S3 region (default us-east-1)'),
  FLYWHEEL_S3_ACCESS_KEY_ID: z
    .string()
    .optional()
    .describe('S3 access key id (unset: the AWS default credential chain)'),
  FLYWHEEL_S3_SECRET_ACCESS_KEY: z.string().optional().describe('S3 secret access key'),
  FLYWHEEL_BIND_HOST: hostVariable('127.0.0.1').describe('address every listener binds (default 127.0.0.1)'),
  FLYWHEEL_ADMIN_PORT: portVariable(9464).describe(
    'admin HTTP port: /healthz /readyz /metrics (default 9464)',
  ),
  FLYWHEEL_INGESTION_GRPC_PORT: portVariable(50054).describe(
    'ingestion gRPC port: health and reflection (default 50054)',
  ),
  FLYWHEEL_TRACKING_GRPC_PORT: portVariable(50051).describe('tracking gRPC port (default 50051)'),
  FLYWHEEL_TRACKING_HTTP_PORT: portVariable(5000).describe('tracking MLflow REST port (default 5000)'),
  FLYWHEEL_REGISTRY_GRPC_PORT: portVariable(50052).describe('registry gRPC port (default 50052)'),
  FLYWHEEL_REGISTRY_HTTP_PORT: portVariable(5001).describe(
    'registry MLflow model-registry REST port (default 5001)',
  ),
  FLYWHEEL_ORCHESTRATION_GRPC_PORT: portVariable(50053).describe('orchestration gRPC port (default 50053)'),
  FLYWHEEL_SERVING_GRPC_PORT: portVariable(8001).describe(
    'serving-gateway Open Inference Protocol gRPC port (default 8001)',
  ),
  FLYWHEEL_SERVING_HTTP_PORT: portVariable(8000).describe(
    'serving-gateway Open Inference Protocol REST port (default 8000)',
  ),
  FLYWHEEL_MONITORING_GRPC_PORT: portVariable(50055).describe('monitoring gRPC port (default 50055)'),
  FLYWHEEL_LOG_LEVEL: choiceVariable(LOG_LEVELS, 'info').describe(
    `log level: ${LOG_LEVELS.join(', ')} (default info)`,
  ),
  FLYWHEEL_OTEL_EXPORTER_OTLP_ENDPOINT: urlVariable(['http', 'https']).describe(
    'OTLP/HTTP collector base URL for traces, e.g. http://127.0.0.1:4318 (unset: traces are not exported)',
  ),
  FLYWHEEL_SHUTDOWN_TIMEOUT_MS: integerVariable({
    default: 10_000,
    min: 0,
    max: 600_000,
    what: 'milliseconds',
  }).describe('how long a shutdown waits for in-flight calls to drain (default 10000)'),
  ...authVariables,
  ...tlsVariables,
  ...limitVariables,
};

export type PlatformVariables = z.output<typeof platformVariablesSchema>;

export const platformVariablesSchema = z.object(platformVariables).superRefine(
  (variables, ctx) => {
    // Half a key pair would silently fall back to the default credential chain.
    const id = variables.FLYWHEEL_S3_ACCESS_KEY_ID;
    const secret = variables.FLYWHEEL_S3_SECRET_ACCESS_KEY;
    if (id !== undefined && secret === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['FLYWHEEL_S3_SECRET_ACCESS_KEY'],
        message: 'is required when FLYWHEEL_S3_ACCESS_KEY_ID is set',
      });
    }
    if (id === undefined && secret !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['FLYWHEEL_S3_ACCESS_KEY_ID'],
        message: 'is required when FLYWHEEL_S3_SECRET_ACCESS_KEY is set',
      });
    }
    checkAuthVariables(variables, ctx);
    checkTlsVariables(variables, ctx);
    checkKafkaSecurityVariables(variables, ctx);
  },
  // Run even when other variables failed, so every problem is reported in one pass.
  { when: () => true },
);
