import { z } from 'zod';
import {
  ConfigError,
  integerVariable,
  loadConfig,
  type Environment,
  type PlatformConfig,
} from '@flywheel/config';
import { assertValidSchedule } from '../windows/window';
import {
  DEFAULT_GUARDRAILS,
  type ModelMonitoringConfig,
  type ModelMonitoringOverride,
  assertValidOverride,
} from './model-monitoring-config';

/** What the monitoring service reads beyond the platform configuration. */
export interface MonitoringSettings {
  /** ClickHouse database holding inference_logs, feedback and the monitoring tables. */
  database: string;
  /** How often the scheduler looks for closed windows. */
  tickIntervalMs: number;
  /** How long a model's `flywheel.monitoring` tag read from the registry is trusted before it is read again. */
  tagRefreshMs: number;
  /** Windows processed per model per tick: a long outage is caught up in bounded steps. */
  maxWindowsPerTick: number;
  /** Registry gRPC address (host:port) for reference profiles. */
  registryAddress: string;
  defaults: ModelMonitoringConfig;
  /** Per-model overrides by model name. */
  models: Readonly<Record<string, ModelMonitoringOverride>>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const referenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registry') }),
  z.object({ kind: z.literal('first-window') }),
  z.object({ kind: z.literal('window'), startMs: z.number().int(), endMs: z.number().int() }),
]);

/** One model's overrides: an entry of FLYWHEEL_MONITORING_MODELS, or a model's `flywheel.monitoring` tag. */
export const overrideSchema = z.strictObject({
  windowSeconds: z.number().positive().optional(),
  hopSeconds: z.number().positive().optional(),
  allowedLatenessSeconds: z.number().nonnegative().optional(),
  consecutiveWindows: z.number().int().min(1).optional(),
  cooldownWindows: z.number().int().min(0).optional(),
  drift: z.record(z.string(), z.unknown()).optional(),
  guardrails: z
    .strictObject({
      errorRateMultiple: z.number().nonnegative().optional(),
      errorRateFloor: z.number().nonnegative().optional(),
      p99LatencyMsLimit: z.number().nonnegative().optional(),
      predictionDistanceLimit: z.number().nonnegative().optional(),
      minCanaryRequests: z.number().int().nonnegative().optional(),
    })
    .optional(),
  reference: referenceSchema.optional(),
  positiveLabel: z.string().optional(),
});

const modelsSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return {};
    try {
      return JSON.parse(raw) as unknown;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `expected JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), overrideSchema));

export const monitoringVariablesSchema = z.object({
  FLYWHEEL_CLICKHOUSE_DATABASE: z
    .string()
    .regex(IDENTIFIER, 'expected a ClickHouse identifier (letters, digits, _)')
    .optional()
    .describe('ClickHouse database of inference_logs, feedback and monitoring tables (default flywheel)'),
  FLYWHEEL_MONITORING_WINDOW_SECONDS: integerVariable({ default: 300, min: 1, max: 86_400, what: 'seconds' }),
  FLYWHEEL_MONITORING_HOP_SECONDS: integerVariable({
    default: 0,
    min: 0,
    max: 86_400,
    what: 'seconds (0: tumbling)',
  }),
  FLYWHEEL_MONITORING_LATENESS_SECONDS: integerVariable({
    default: 60,
    min: 0,
    max: 86_400,
    what: 'seconds',
  }),
  FLYWHEEL_MONITORING_TICK_SECONDS: integerVariable({ default: 15, min: 1, max: 3_600, what: 'seconds' }),
  FLYWHEEL_MONITORING_TAG_REFRESH_SECONDS: integerVariable({
    default: 30,
    min: 0,
    max: 86_400,
    what: 'seconds',
  }),
  FLYWHEEL_MONITORING_RETRAIN_AFTER_WINDOWS: integerVariable({
    default: 3,
    min: 1,
    max: 1_000,
    what: 'windows',
  }),
  FLYWHEEL_MONITORING_COOLDOWN_WINDOWS: integerVariable({
    default: 12,
    min: 0,
    max: 100_000,
    what: 'windows',
  }),
  FLYWHEEL_MONITORING_REFERENCE: z.enum(['registry', 'first-window']).optional(),
  FLYWHEEL_MONITORING_REGISTRY_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .optional(),
  FLYWHEEL_MONITORING_MODELS: modelsSchema.describe('JSON object: per-model overrides by model name'),
});

/**
 * The monitoring service's settings from its FLYWHEEL_MONITORING_* variables.
 * @throws ConfigError listing every bad variable, including invalid per-model overrides.
 */
export function loadMonitoringSettings(
  config: Pick<PlatformConfig, 'ports'>,
  env: Environment = process.env,
): MonitoringSettings {
  const v = loadConfig(monitoringVariablesSchema, env);
  const sizeMs = v.FLYWHEEL_MONITORING_WINDOW_SECONDS * 1000;
  const hopMs = v.FLYWHEEL_MONITORING_HOP_SECONDS === 0 ? sizeMs : v.FLYWHEEL_MONITORING_HOP_SECONDS * 1000;
  const defaults: ModelMonitoringConfig = {
    schedule: { sizeMs, hopMs, allowedLatenessMs: v.FLYWHEEL_MONITORING_LATENESS_SECONDS * 1000 },
    retrain: {
      consecutiveWindows: v.FLYWHEEL_MONITORING_RETRAIN_AFTER_WINDOWS,
      cooldownWindows: v.FLYWHEEL_MONITORING_COOLDOWN_WINDOWS,
    },
    drift: {},
    guardrails: DEFAULT_GUARDRAILS,
    reference: { kind: v.FLYWHEEL_MONITORING_REFERENCE ?? 'registry' },
    positiveLabel: '1',
  };
  const models = v.FLYWHEEL_MONITORING_MODELS as Record<string, ModelMonitoringOverride>;
  assertValidModels(defaults, models);
  return {
    database: v.FLYWHEEL_CLICKHOUSE_DATABASE ?? 'flywheel',
    tickIntervalMs: v.FLYWHEEL_MONITORING_TICK_SECONDS * 1000,
    tagRefreshMs: v.FLYWHEEL_MONITORING_TAG_REFRESH_SECONDS * 1000,
    maxWindowsPerTick: 12,
    registryAddress: v.FLYWHEEL_MONITORING_REGISTRY_ADDRESS ?? `127.0.0.1:${config.ports.registry.grpc}`,
    defaults,
    models,
  };
}

/** Each resolved model configuration must make sense on its own (hop ≤ size, valid policy). */
function assertValidModels(
  defaults: ModelMonitoringConfig,
  models: Record<string, ModelMonitoringOverride>,
): void {
  assertValidSchedule(defaults.schedule);
  const problems: { variable: string; reason: string }[] = [];
  for (const [name, override] of Object.entries(models)) {
    try {
      assertValidOverride(defaults, override);
    } catch (error) {
      problems.push({
        variable: 'FLYWHEEL_MONITORING_MODELS',
        reason: `model "${name}": ${(error as Error).message}`,
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
