/** One feature's latest drift verdict, as monitoring exports it on the admin port's /metrics. */
export interface FeatureDriftGauge {
  feature: string;
  drifted: boolean;
  score: number;
  test: string;
}

const SAMPLE = /^(monitoring_feature_drifted|monitoring_feature_drift_score)\{([^}]*)\}\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** The latest per-feature drift gauges of `model` in a Prometheus text exposition. */
export function featureDriftGauges(metrics: string, model: string): FeatureDriftGauge[] {
  const byFeature = new Map<string, FeatureDriftGauge>();
  for (const line of metrics.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[2]!.matchAll(LABEL)].map((label) => [label[1]!, label[2]!]));
    if (labels.model !== model || labels.feature === undefined) continue;
    const gauge = byFeature.get(labels.feature) ?? { feature: labels.feature, drifted: false, score: Number.NaN, test: labels.test ?? '' };
    if (match[1] === 'monitoring_feature_drifted') gauge.drifted = Number(match[3]) === 1;
    else gauge.score = Number(match[3]);
    byFeature.set(labels.feature, gauge);
  }
  return [...byFeature.values()];
}
