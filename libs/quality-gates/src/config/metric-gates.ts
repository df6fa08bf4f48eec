import { ValidationProblem } from '../errors';
import {
  ExplicitMetricEntry,
  compactThresholdSchema,
  explicitMetricSchema,
  latencyKeySchema,
  latencyLimitSchema,
} from './config-schemas';
import { ConfigPath, formatPath } from './config-path';
import { describeValue, isRecord } from './describe-value';
import { MetricGate } from './gate-config';
import { inferMetricDirection } from './metric-direction';
import { parseAt } from './schema-problems';

const DELTA_SUFFIX = '_delta';

/** What the file says about one metric, gathered from all of its spellings. */
interface MetricDraft {
  explicit?: { entry: ExplicitMetricEntry; path: ConfigPath };
  /** `auc_roc: 0.87` or `latency: { p99_ms: 50 }`: a bound on the metric's bad side. */
  threshold?: { value: number; path: ConfigPath };
  /** `auc_roc_delta: 0.005`. */
  delta?: { value: number; path: ConfigPath };
}

/**
 * Normalises the `metrics` and `latency` sections into one gate per metric, in config order,
 * appending every problem found. Compact entries get their direction from the metric's name.
 */
export function normalizeMetricGates(
  metrics: unknown,
  latency: unknown,
  problems: ValidationProblem[],
): MetricGate[] {
  const drafts = new Map<string, MetricDraft>();
  const draft = (metric: string): MetricDraft => drafts.get(metric) ?? drafts.set(metric, {}).get(metric)!;

  for (const [name, value, path] of sectionEntries(metrics, 'metrics', problems)) {
    if (name.trim() === '') {
      problems.push({ path: formatPath(path), message: 'a metric name must not be empty' });
    } else if (isRecord(value)) {
      const entry = parseAt(explicitMetricSchema, value, path, problems);
      if (entry) draft(name).explicit = { entry, path };
    } else if (typeof value !== 'number') {
      problems.push({
        path: formatPath(path),
        message: `must be a number (compact threshold) or an object with direction and min, max or min_delta_vs_champion, got ${describeValue(value)}`,
      });
    } else if (name.endsWith(DELTA_SUFFIX)) {
      const base = name.slice(0, -DELTA_SUFFIX.length);
      const delta = parseAt(compactThresholdSchema, value, path, problems);
      if (base === '')
        problems.push({ path: formatPath(path), message: `names no metric before ${DELTA_SUFFIX}` });
      else if (delta !== undefined) draft(base).delta = { value: delta, path };
    } else {
      const threshold = parseAt(compactThresholdSchema, value, path, problems);
      if (threshold !== undefined) draft(name).threshold = { value: threshold, path };
    }
  }

  for (const [key, value, path] of sectionEntries(latency, 'latency', problems)) {
    const limit = parseAt(latencyLimitSchema, value, path, problems);
    if (parseAt(latencyKeySchema, key, path, problems) === undefined || limit === undefined) continue;
    const metric = `latency_${key}`;
    const existing = drafts.get(metric);
    if (existing?.threshold || existing?.explicit) {
      problems.push({
        path: formatPath(path),
        message: `duplicates metrics.${metric}; set the limit in one place`,
      });
    } else {
      draft(metric).threshold = { value: limit, path };
    }
  }

  return [...drafts].map(([metric, d]) => resolveGate(metric, d, problems));
}

function resolveGate(metric: string, draft: MetricDraft, problems: ValidationProblem[]): MetricGate {
  const { explicit, threshold, delta } = draft;
  const direction = explicit?.entry.direction ?? inferMetricDirection(metric);
  const gate: MetricGate = { metric, direction };
  if (explicit) {
    const { min, max, min_delta_vs_champion: minDelta } = explicit.entry;
    const at = (key: string): string => formatPath([...explicit.path, key]);
    if (min === undefined && max === undefined && minDelta === undefined) {
      problems.push({
        path: formatPath(explicit.path),
        message: 'must set at least one of min, max, min_delta_vs_champion',
      });
    }
    if (min !== undefined && direction === 'lower_is_better') {
      problems.push({
        path: at('min'),
        message: 'a minimum on a lower_is_better metric would fail candidates that improve it; use max',
      });
    }
    if (max !== undefined && direction === 'higher_is_better') {
      problems.push({
        path: at('max'),
        message: 'a maximum on a higher_is_better metric would fail candidates that improve it; use min',
      });
    }
    if (minDelta !== undefined && delta) {
      problems.push({ path: formatPath(delta.path), message: `duplicates ${at('min_delta_vs_champion')}` });
    }
    if (min !== undefined) gate.min = min;
    if (max !== undefined) gate.max = max;
    if (minDelta !== undefined) gate.minDeltaVsChampion = minDelta;
  }
  if (threshold) gate[direction === 'higher_is_better' ? 'min' : 'max'] = threshold.value;
  if (delta) gate.minDeltaVsChampion = delta.value;
  return gate;
}

/** The `[key, value, path]` entries of an optional object-valued section. */
function sectionEntries(
  section: unknown,
  name: string,
  problems: ValidationProblem[],
): [string, unknown, ConfigPath][] {
  if (section === undefined) return [];
  if (!isRecord(section)) {
    problems.push({
      path: name,
      message: `must be an object of name: value entries, got ${describeValue(section)}`,
    });
    return [];
  }
  return Object.entries(section).map(([key, value]) => [key, value, [name, key]]);
}
