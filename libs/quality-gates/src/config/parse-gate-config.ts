import { GateConfigError, ValidationProblem } from '../errors';
import { TOP_LEVEL_KEYS, missingChampionSchema, versionSchema } from './config-schemas';
import { describeValue, isRecord } from './describe-value';
import { DEFAULT_MISSING_CHAMPION_POLICY, QualityGateConfig } from './gate-config';
import { normalizeMetricGates } from './metric-gates';
import { parseAt } from './schema-problems';
import { normalizeSliceGates } from './slice-gates';

export type GateConfigValidation =
  { ok: true; config: QualityGateConfig } | { ok: false; problems: ValidationProblem[] };

/**
 * Checks a gate config as read from its file (YAML or JSON, either form) and normalises it.
 * All problems are reported, each with its path; nothing is thrown.
 */
export function validateGateConfig(input: unknown): GateConfigValidation {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ path: '', message: `must be an object, got ${describeValue(input)}` }] };
  }
  const problems: ValidationProblem[] = [];
  for (const key of Object.keys(input)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      problems.push({ path: key, message: `is not a config key (expected ${TOP_LEVEL_KEYS.join(', ')})` });
    }
  }
  const version = parseAt(versionSchema, input.version, ['version'], problems);
  const metrics = normalizeMetricGates(input.metrics, input.latency, problems);
  const slices = normalizeSliceGates(input.slices, problems);
  const onMissingChampion =
    input.on_missing_champion === undefined
      ? DEFAULT_MISSING_CHAMPION_POLICY
      : parseAt(missingChampionSchema, input.on_missing_champion, ['on_missing_champion'], problems);
  if (problems.length === 0 && metrics.length + slices.length === 0) {
    problems.push({ path: '', message: 'defines no gates: set metrics, latency or slices' });
  }
  if (problems.length > 0 || version === undefined || onMissingChampion === undefined)
    return { ok: false, problems };
  return { ok: true, config: { version: String(version), metrics, slices, onMissingChampion } };
}

/** Like `validateGateConfig`, but returns the config or throws `GateConfigError` listing every problem. */
export function parseGateConfig(input: unknown): QualityGateConfig {
  const result = validateGateConfig(input);
  if (!result.ok) throw new GateConfigError(result.problems);
  return result.config;
}
