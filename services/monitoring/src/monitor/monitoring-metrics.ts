import { type Attributes, type Meter, metrics } from '@opentelemetry/api';
import type { WindowDrift } from '../evaluation/evaluate-window';
import type { CanaryWindow } from '../decisions/window-decision';

/**
 * Latest values per model for Prometheus (served on the admin port's /metrics): each feature's
 * drift score, the window's drift share and dataset drift, the retrain streak, canary health,
 * plus counters of processed windows and issued commands. History lives in ClickHouse.
 */
export class MonitoringMetrics {
  private readonly windows;
  private readonly commands;
  private readonly windowDuration;
  private readonly latest = new Map<string, { value: number; attributes: Attributes; gauge: string }>();

  constructor(meter: Meter = metrics.getMeter('flywheel.monitoring')) {
    this.windows = meter.createCounter('monitoring_windows', { description: 'Windows processed' });
    this.commands = meter.createCounter('monitoring_commands', {
      description: 'Retrain and rollback commands issued',
    });
    this.windowDuration = meter.createHistogram('monitoring_window_duration', {
      description: 'Time to compute one window (queries, statistics, writes, events)',
      unit: 'ms',
      advice: { explicitBucketBoundaries: [10, 50, 100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000] },
    });
    const gauges: Record<string, string> = {
      monitoring_feature_drift_score: 'Latest drift score per feature (p-value or distance, see test)',
      monitoring_feature_drifted: 'Whether the feature drifted in the latest window (0/1)',
      monitoring_drift_share: 'Share of drifted features in the latest window',
      monitoring_dataset_drift: 'Dataset drift in the latest window (0/1)',
      monitoring_drift_streak: 'Consecutive drifted windows so far',
      monitoring_canary_error_rate: 'Error rate of the canary and champion in the latest window',
      monitoring_canary_p99_latency: 'p99 latency (ms) of the canary and champion in the latest window',
      monitoring_canary_prediction_distance:
        'Jensen-Shannon distance of canary and champion prediction scores',
    };
    for (const [name, description] of Object.entries(gauges)) {
      meter.createObservableGauge(name, { description }).addCallback((result) => {
        for (const entry of this.latest.values())
          if (entry.gauge === name) result.observe(entry.value, entry.attributes);
      });
    }
  }

  windowProcessed(
    model: string,
    version: number,
    drift: WindowDrift | undefined,
    streak: number,
    durationMs: number,
  ): void {
    this.windows.add(1, { model });
    this.windowDuration.record(durationMs, { model });
    if (drift === undefined) return;
    for (const feature of drift.features) {
      const attributes = { model, version, feature: feature.feature, test: feature.test };
      this.set('monitoring_feature_drift_score', attributes, feature.score);
      this.set('monitoring_feature_drifted', attributes, feature.drifted ? 1 : 0);
    }
    this.set('monitoring_drift_share', { model, version }, drift.driftShare);
    this.set('monitoring_dataset_drift', { model, version }, drift.datasetDrift ? 1 : 0);
    this.set('monitoring_drift_streak', { model, version }, streak);
  }

  canaryObserved(model: string, canary: CanaryWindow): void {
    const { observation, canaryVersion } = canary;
    for (const side of ['canary', 'champion'] as const) {
      const attributes = { model, variant: side, canary_version: canaryVersion };
      this.set('monitoring_canary_error_rate', attributes, observation[side].errorRate);
      this.set('monitoring_canary_p99_latency', attributes, observation[side].p99LatencyMs);
    }
    this.set(
      'monitoring_canary_prediction_distance',
      { model, canary_version: canaryVersion },
      observation.predictionDistance,
    );
  }

  commandIssued(model: string, kind: 'retrain' | 'rollback'): void {
    this.commands.add(1, { model, kind });
  }

  private set(gauge: string, attributes: Attributes, value: number): void {
    this.latest.set(`${gauge}${JSON.stringify(attributes)}`, { gauge, attributes, value });
  }
}
