import type { InferenceLog } from '@flywheel/contracts';
import { statusName, variantName, type VariantName } from '../rows/inference-log-row';
import { nonFiniteProblem, requiredProblem, timestampProblem } from './event-checks';
import type { FeatureSchema } from './feature-schema';

export type LogCheck = { ok: true; variant: VariantName; status: 'ok' | 'error' } | { ok: false; reason: string };

/**
 * Whether a log can be stored: its own fields (ids, enums, times, finite numbers), then, when the
 * model version has a registered schema and inference succeeded, every signature input present
 * with its kind. Values are not range-checked against the reference profile: live values outside
 * the training range are exactly what drift detection has to see. Failed inferences skip the
 * schema: they often carry no features, and the error rate they measure must stay complete.
 */
export function checkInferenceLog(log: InferenceLog, schema: FeatureSchema | undefined): LogCheck {
  const variant = variantName(log.variant);
  const status = statusName(log);
  const reason =
    requiredProblem('request_id', log.requestId) ??
    requiredProblem('model_name', log.modelName) ??
    (Number.isInteger(log.modelVersion) && log.modelVersion >= 0 ? undefined : `model_version must be a version number >= 0, got ${log.modelVersion}`) ??
    (variant === undefined ? `variant ${log.variant} is not a known Variant` : undefined) ??
    (status === undefined ? `status ${log.status} is not a known InferenceStatus` : undefined) ??
    timestampProblem('timestamp_ms', log.timestampMs) ??
    (Number.isFinite(log.latencyMs) && log.latencyMs >= 0 ? undefined : `latency_ms must be a finite number >= 0, got ${log.latencyMs}`) ??
    nonFiniteProblem('numeric_features', log.numericFeatures) ??
    emptyNameProblem('categorical_features', log.categoricalFeatures) ??
    (log.prediction && !Number.isFinite(log.prediction.score) ? `prediction.score must be a finite number, got ${log.prediction.score}` : undefined) ??
    (log.prediction ? nonFiniteProblem('prediction.raw_outputs', log.prediction.rawOutputs) : undefined) ??
    (schema && status === 'ok' ? schemaProblem(log, schema) : undefined);
  if (reason !== undefined || variant === undefined || status === undefined) return { ok: false, reason: reason ?? 'invalid log' };
  return { ok: true, variant, status };
}

function emptyNameProblem(field: string, values: Readonly<Record<string, string>>): string | undefined {
  return Object.hasOwn(values, '') ? `${field} has an empty name` : undefined;
}

function schemaProblem(log: InferenceLog, schema: FeatureSchema): string | undefined {
  const where = `model ${log.modelName} version ${log.modelVersion}`;
  for (const { name, kind } of schema.inputs) {
    const numeric = log.numericFeatures[name];
    const categorical = log.categoricalFeatures[name];
    if (numeric === undefined && categorical === undefined) return `feature ${name} is required by the signature of ${where}`;
    switch (kind) {
      case 'numeric':
        if (numeric === undefined) return `feature ${name} must be numeric (signature of ${where}), got categorical "${categorical}"`;
        break;
      case 'integer':
        if (numeric === undefined || !Number.isInteger(numeric))
          return `feature ${name} must be a whole number (signature of ${where}), got ${numeric ?? `categorical "${categorical}"`}`;
        break;
      case 'categorical':
        if (categorical === undefined) return `feature ${name} must be categorical (signature of ${where}), got numeric ${numeric}`;
        break;
      case 'boolean':
        if (numeric !== undefined ? numeric !== 0 && numeric !== 1 : categorical !== 'true' && categorical !== 'false')
          return `feature ${name} must be a boolean (0/1 or "true"/"false", signature of ${where}), got ${numeric ?? `"${categorical}"`}`;
        break;
      case 'any':
        break;
    }
  }
  return undefined;
}
