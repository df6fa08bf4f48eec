import {
  type CanaryGuardrails,
  type DriftPolicy,
  type RetrainHysteresisConfig,
  assertValidDriftPolicy,
} from '@flywheel/drift';
import { type WindowSchedule, assertValidSchedule } from '../windows/window';

/**
 * Where a model version's reference comes from:
 * - 'registry': the version's reference profile (GetReferenceProfile); versions without one
 *   fall back to their first window of live traffic.
 * - 'first-window': the version's first full window of live traffic.
 * - 'window': a fixed window of live traffic, [startMs, endMs).
 */
export type ReferenceChoice =
  { kind: 'registry' } | { kind: 'first-window' } | { kind: 'window'; startMs: number; endMs: number };

/** Everything that decides how one model is watched. */
export interface ModelMonitoringConfig {
  schedule: WindowSchedule;
  retrain: RetrainHysteresisConfig;
  drift: DriftPolicy;
  guardrails: CanaryGuardrails;
  reference: ReferenceChoice;
  /** The label value counted as positive for precision, recall and AUC. */
  positiveLabel: string;
}

/** Overrides for one model; anything left out keeps the service default. */
export interface ModelMonitoringOverride {
  windowSeconds?: number;
  hopSeconds?: number;
  allowedLatenessSeconds?: number;
  consecutiveWindows?: number;
  cooldownWindows?: number;
  drift?: DriftPolicy;
  guardrails?: Partial<CanaryGuardrails>;
  reference?: ReferenceChoice;
  positiveLabel?: string;
}

/** Evidently's defaults for drift; guardrails that catch a clearly broken canary. */
export const DEFAULT_GUARDRAILS: CanaryGuardrails = {
  errorRateMultiple: 2,
  errorRateFloor: 0.01,
  p99LatencyMsLimit: 500,
  predictionDistanceLimit: 0.2,
  minCanaryRequests: 20,
};

/** The configuration of `modelName`: its override applied over the defaults, field by field. */
export function resolveModelConfig(
  defaults: ModelMonitoringConfig,
  override: ModelMonitoringOverride | undefined,
): ModelMonitoringConfig {
  if (override === undefined) return defaults;
  const sizeMs = seconds(override.windowSeconds) ?? defaults.schedule.sizeMs;
  // A window size override without a hop keeps the windows tumbling.
  const defaultHop = override.windowSeconds === undefined ? defaults.schedule.hopMs : sizeMs;
  return {
    schedule: {
      sizeMs,
      hopMs: seconds(override.hopSeconds) ?? defaultHop,
      allowedLatenessMs: seconds(override.allowedLatenessSeconds) ?? defaults.schedule.allowedLatenessMs,
    },
    retrain: {
      consecutiveWindows: override.consecutiveWindows ?? defaults.retrain.consecutiveWindows,
      cooldownWindows: override.cooldownWindows ?? defaults.retrain.cooldownWindows,
    },
    drift: override.drift ?? defaults.drift,
    guardrails: { ...defaults.guardrails, ...override.guardrails },
    reference: override.reference ?? defaults.reference,
    positiveLabel: override.positiveLabel ?? defaults.positiveLabel,
  };
}

/**
 * Checks that `override` resolved over `defaults` makes sense on its own (hop ≤ size, a valid
 * drift policy).
 * @throws RangeError or DriftInputError naming the field at fault.
 */
export function assertValidOverride(
  defaults: ModelMonitoringConfig,
  override: ModelMonitoringOverride,
): void {
  const resolved = resolveModelConfig(defaults, override);
  assertValidSchedule(resolved.schedule);
  assertValidDriftPolicy(resolved.drift);
}

/**
 * `top` over `base`, field by field (guardrails key by key): how an operator's
 * FLYWHEEL_MONITORING_MODELS entry (top) refines the model's own `flywheel.monitoring` tag (base).
 */
export function mergeOverrides(
  base: ModelMonitoringOverride | undefined,
  top: ModelMonitoringOverride | undefined,
): ModelMonitoringOverride | undefined {
  if (base === undefined || top === undefined) return top ?? base;
  const guardrails =
    base.guardrails || top.guardrails ? { ...base.guardrails, ...top.guardrails } : undefined;
  return { ...base, ...top, ...(guardrails && { guardrails }) };
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000);
}
