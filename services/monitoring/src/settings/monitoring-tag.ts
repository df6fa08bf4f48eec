import {
  type ModelMonitoringConfig,
  type ModelMonitoringOverride,
  assertValidOverride,
} from './model-monitoring-config';
import { overrideSchema } from './monitoring-settings';

/**
 * The registered-model tag through which a model carries its own monitoring settings: a JSON
 * object with the fields of a FLYWHEEL_MONITORING_MODELS entry, for example
 * `{"windowSeconds": 60, "consecutiveWindows": 2}`. The model's owner sets it (MLflow's
 * `set_registered_model_tag` works); the operator's variable still wins field by field.
 */
export const MONITORING_TAG = 'flywheel.monitoring';

export type MonitoringTagResult =
  { ok: true; override: ModelMonitoringOverride | undefined } | { ok: false; error: string };

/**
 * Reads a `flywheel.monitoring` tag value: absent or blank means no override; anything else must
 * be a valid override whose resolved configuration is valid over `defaults`, or the result says
 * what is wrong with it (the caller keeps watching the model on the other settings).
 */
export function parseMonitoringTag(
  value: string | undefined,
  defaults: ModelMonitoringConfig,
): MonitoringTagResult {
  if (value === undefined || value.trim() === '') return { ok: true, override: undefined };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    return { ok: false, error: `${MONITORING_TAG} is not JSON: ${(error as Error).message}` };
  }
  const parsed = overrideSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    return { ok: false, error: `${MONITORING_TAG}: ${problems.join('; ')}` };
  }
  const override = parsed.data as ModelMonitoringOverride;
  try {
    assertValidOverride(defaults, override);
  } catch (error) {
    return { ok: false, error: `${MONITORING_TAG}: ${(error as Error).message}` };
  }
  return { ok: true, override };
}
