import { type DriftPolicy, datasetDrift, evaluateFeatureDrift } from '@flywheel/drift';
import type { ReferenceData } from './feature-stats';
import type { MonitoredFeatureDrift } from './feature-result';
import { type NumericCurrent, evaluateNumericFeature } from './evaluate-numeric';
import type { NumericPlan } from './numeric-plan';
import { testStatistic } from './test-statistic';

/** A window's feature data, keyed by feature name; features absent here had no rows. */
export interface CurrentWindowData {
  numeric: ReadonlyMap<string, NumericCurrent>;
  categorical: ReadonlyMap<string, ReadonlyMap<string, number>>;
  prediction?: NumericCurrent;
}

/** Plans per numeric feature name, and the prediction score's plan. */
export interface WindowPlans {
  features: ReadonlyMap<string, NumericPlan>;
  prediction?: NumericPlan;
}

export interface WindowDrift {
  /** Features of the reference seen in the window, by name. */
  features: MonitoredFeatureDrift[];
  datasetDrift: boolean;
  /** Share of evaluated features that drifted (0 when none was evaluated). */
  driftShare: number;
  driftedFeatures: string[];
  prediction?: MonitoredFeatureDrift;
}

/**
 * Drift of every reference feature present in the window and Evidently's dataset rule over
 * them (a window without any evaluated feature has no dataset drift). Features the reference
 * does not know are not monitored.
 */
export function evaluateWindowDrift(
  reference: ReferenceData,
  current: CurrentWindowData,
  plans: WindowPlans,
  policy: DriftPolicy,
): WindowDrift {
  const features: MonitoredFeatureDrift[] = [];
  for (const [name, ref] of [...reference.features].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (ref.kind === 'categorical') {
      const counts = current.categorical.get(name);
      if (counts === undefined || counts.size === 0) continue;
      const result = evaluateFeatureDrift(
        { name, kind: 'categorical', reference: ref.counts, current: counts },
        policy,
      );
      const statistic = testStatistic(result.test, result.score, {
        form: 'counts',
        reference: ref.counts,
        current: counts,
      });
      features.push({ ...result, method: 'categories', statistic });
      continue;
    }
    const data = current.numeric.get(name);
    const plan = plans.features.get(name);
    if (data === undefined || plan === undefined || data.summary.count === 0) continue;
    features.push(evaluateNumericFeature(name, ref, data, plan, policy));
  }
  const summary = features.length > 0 ? datasetDrift(features, policy.driftShare) : undefined;
  const prediction =
    reference.prediction && current.prediction && plans.prediction && current.prediction.summary.count > 0
      ? evaluateNumericFeature(
          'prediction',
          reference.prediction,
          current.prediction,
          plans.prediction,
          policy,
        )
      : undefined;
  return {
    features,
    datasetDrift: summary?.drifted ?? false,
    driftShare: summary?.share ?? 0,
    driftedFeatures: features.filter((f) => f.drifted).map((f) => f.feature),
    ...(prediction && { prediction }),
  };
}
