import type { WeightedSample } from '@flywheel/drift';

/** Quantile sketch resolution: midpoints of SKETCH_SIZE equal-probability slices. */
export const SKETCH_SIZE = 200;

/** (i + ½) / SKETCH_SIZE: each sketch point stands for an equal share of the observations. */
export const SKETCH_PROBABILITIES: readonly number[] = Array.from(
  { length: SKETCH_SIZE },
  (_, i) => (i + 0.5) / SKETCH_SIZE,
);

/** Distinct counts are measured up to this cap (ClickHouse `uniqUpTo`); above it, "many". */
export const DISTINCT_CAP = 21;

/** One window's summary of a numeric feature, computed in ClickHouse in one pass. */
export interface NumericSummary {
  count: number;
  /** Distinct values, exact up to DISTINCT_CAP, DISTINCT_CAP meaning "more". */
  distinct: number;
  /** Population standard deviation (ddof = 0). */
  std: number;
  /** Quantiles at SKETCH_PROBABILITIES (a t-digest on the live side). */
  sketch: readonly number[];
}

/** A numeric feature's reference: the summary plus whatever exact forms are available. */
export interface NumericReference extends NumericSummary {
  kind: 'numeric';
  /** Fixed bins (edges ascending; counts laid out as @flywheel/drift's `histogram`). */
  bins?: { edges: readonly number[]; counts: readonly number[] };
  /** The exact reference sample, when it is small enough to keep (KS, few-valued features). */
  sample?: WeightedSample;
}

export interface CategoricalReference {
  kind: 'categorical';
  counts: ReadonlyMap<string, number>;
}

export type FeatureReference = NumericReference | CategoricalReference;

/** A model version's reference: per feature, and for the prediction score when known. */
export interface ReferenceData {
  /** Where it came from, for reports and logs: "registry profile" or a window. */
  source: string;
  rowCount: number;
  features: ReadonlyMap<string, FeatureReference>;
  prediction?: NumericReference;
}
