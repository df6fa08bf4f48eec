import { isRecord } from '../config/describe-value';
import { GateInputError } from '../errors';

type MetricValues = Readonly<Record<string, number | null | undefined>>;

/** What was measured for one model version (the candidate, or the champion it is compared to). */
export interface EvaluationSnapshot {
  metrics: MetricValues;
  /** Per evaluation slice (e.g. `region=eu`), the metrics measured on that slice alone. */
  slices?: Readonly<Record<string, MetricValues>>;
  /** Latency percentiles such as `{ p95_ms: 31, p99_ms: 48 }`, read as metrics `latency_p95_ms`, ... */
  latency?: MetricValues;
}

/** A metric as read from a snapshot: a usable number, absent, or present but not a finite number. */
export type MetricReading =
  { kind: 'value'; value: number } | { kind: 'missing' } | { kind: 'invalid'; shown: string };

const LATENCY_PREFIX = 'latency_';

/** Reads `metric`, looking in `latency` for `latency_<key>` names the metrics map lacks. */
export function readMetric(snapshot: EvaluationSnapshot, metric: string): MetricReading {
  const direct = snapshot.metrics[metric];
  const latency =
    metric.startsWith(LATENCY_PREFIX) && snapshot.latency
      ? snapshot.latency[metric.slice(LATENCY_PREFIX.length)]
      : undefined;
  if (isPresent(direct) && isPresent(latency) && !Object.is(direct, latency)) {
    throw new GateInputError(
      `${metric} is given twice with different values: ${String(direct)} in metrics and ${String(latency)} in latency`,
    );
  }
  return classify(isPresent(direct) ? direct : latency);
}

/** Reads `metric` on one slice of the snapshot. */
export function readSliceMetric(
  slice: Readonly<Record<string, number | null | undefined>>,
  metric: string,
): MetricReading {
  return classify(slice[metric]);
}

/** Throws `GateInputError` unless `snapshot` has the shape `evaluateGates` reads. */
export function assertSnapshotShape(
  snapshot: unknown,
  role: 'candidate' | 'champion',
): asserts snapshot is EvaluationSnapshot {
  if (!isRecord(snapshot) || !isRecord(snapshot.metrics)) {
    throw new GateInputError(`the ${role} must be an object with a metrics object`);
  }
  for (const part of ['slices', 'latency'] as const) {
    if (snapshot[part] !== undefined && !isRecord(snapshot[part])) {
      throw new GateInputError(`the ${role}'s ${part} must be an object when given`);
    }
  }
  for (const [name, slice] of Object.entries(snapshot.slices ?? {})) {
    if (!isRecord(slice))
      throw new GateInputError(`the ${role}'s slice '${name}' must be an object of metrics`);
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function classify(value: unknown): MetricReading {
  if (!isPresent(value)) return { kind: 'missing' };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'value', value };
  return {
    kind: 'invalid',
    shown: typeof value === 'number' ? String(value) : `${JSON.stringify(value)} (not a number)`,
  };
}
