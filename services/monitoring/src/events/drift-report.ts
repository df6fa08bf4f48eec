import { DriftMethod, type DriftReport, FeatureKind, type FeatureDrift } from '@flywheel/contracts';
import type { DriftTestName } from '@flywheel/drift';
import type { MonitoredFeatureDrift } from '../evaluation/feature-result';
import type { WindowDrift } from '../evaluation/evaluate-window';
import { driftReportId } from '../windows/idempotency-keys';
import type { TimeWindow } from '../windows/window';

const METHODS: Record<DriftTestName, DriftMethod> = {
  ks: DriftMethod.KS,
  wasserstein: DriftMethod.WASSERSTEIN,
  psi: DriftMethod.PSI,
  jensenshannon: DriftMethod.JENSEN_SHANNON,
  chisquare: DriftMethod.CHI_SQUARE,
  z: DriftMethod.PROPORTION_Z,
};

/** The DriftReport of one window (report_id stable per model, version and window). */
export function buildDriftReport(
  modelName: string,
  modelVersion: number,
  window: TimeWindow,
  rowCount: number,
  drift: WindowDrift,
): DriftReport {
  return {
    reportId: driftReportId(modelName, modelVersion, window),
    modelName,
    modelVersion,
    windowStartMs: window.startMs,
    windowEndMs: window.endMs,
    rowCount,
    features: drift.features.map(featureDrift),
    datasetDrift: drift.datasetDrift,
    driftShare: drift.driftShare,
    predictionDrift: drift.prediction && featureDrift(drift.prediction),
  };
}

/** Tests carry their statistic and p-value; distances carry the distance and p_value 0. */
export function featureDrift(result: MonitoredFeatureDrift): FeatureDrift {
  const isPValue = result.scoreKind === 'p-value';
  return {
    feature: result.feature,
    kind: result.kind === 'numeric' ? FeatureKind.NUMERIC : FeatureKind.CATEGORICAL,
    method: METHODS[result.test],
    statistic: result.statistic,
    pValue: isPValue ? result.score : 0,
    threshold: result.threshold,
    drifted: result.drifted,
  };
}
