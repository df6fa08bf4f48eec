export const METRIC_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

/** What to do with a gate that needs the champion when there is none (or it lacks the metric). */
export type MissingChampionPolicy = 'skip' | 'fail';

/**
 * The gates on one metric, normalised from either config form. A threshold only ever bounds
 * the metric on its bad side (`min` for higher-is-better, `max` for lower-is-better), so an
 * improvement can never turn a pass into a fail.
 */
export interface MetricGate {
  metric: string;
  direction: MetricDirection;
  min?: number;
  max?: number;
  /**
   * Required improvement over the champion in the metric's direction (candidate − champion
   * for higher-is-better, champion − candidate for lower-is-better). Negative values are a
   * non-inferiority margin: the candidate may be worse by at most that much.
   */
  minDeltaVsChampion?: number;
}

/** The spread (highest − lowest) of a metric across evaluation slices may not exceed `maxDisparity`. */
export interface SliceDisparityGate {
  metric: string;
  maxDisparity: number;
}

/** The internal form every config file is normalised to; `evaluateGates` takes this. */
export interface QualityGateConfig {
  version: string;
  /** In config order; latency limits appear as `latency_<key>` metrics. */
  metrics: MetricGate[];
  slices: SliceDisparityGate[];
  onMissingChampion: MissingChampionPolicy;
}

export const DEFAULT_MISSING_CHAMPION_POLICY: MissingChampionPolicy = 'skip';
