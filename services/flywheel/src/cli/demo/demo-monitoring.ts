import { MONITORING_TAG, type ModelMonitoringOverride } from '@flywheel/monitoring';

/**
 * The demo model's own monitoring settings, set as its `flywheel.monitoring` tag so the demo runs
 * in a minute on a platform with the default (5-minute) windows: short windows closed after half
 * a window of lateness, a retrain after 2 drifted windows, and a canary guardrail on prediction
 * distance loose enough for a retrained model, which answers the shifted customers differently
 * from v1 by design.
 */
export function demoMonitoringTag(windowSeconds: number): { key: string; value: string } {
  const settings: ModelMonitoringOverride = {
    windowSeconds,
    allowedLatenessSeconds: windowSeconds / 2,
    consecutiveWindows: 2,
    guardrails: { predictionDistanceLimit: 0.6 },
  };
  return { key: MONITORING_TAG, value: JSON.stringify(settings) };
}
