import type { ClickHouseClient } from '@clickhouse/client';
import { insertRows } from '@flywheel/clickhouse';
import type { MonitoredFeatureDrift } from '../evaluation/feature-result';
import type { TimeWindow } from '../windows/window';

/** Identifies the rows of one processed window. */
export interface WindowKey {
  modelName: string;
  modelVersion: number;
  window: TimeWindow;
}

/** DateTime64(3) as JSONEachRow accepts it: epoch seconds with milliseconds. */
export function clickhouseTime(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/**
 * One drift_metrics row per feature (and the prediction score). ReplacingMergeTree on the
 * window and feature: writing a reprocessed window again replaces, never adds.
 */
export async function writeDriftMetrics(
  client: ClickHouseClient,
  database: string,
  key: WindowKey,
  features: readonly MonitoredFeatureDrift[],
  prediction: MonitoredFeatureDrift | undefined,
  computedAtMs: number,
): Promise<void> {
  const row = (result: MonitoredFeatureDrift, isPrediction: boolean) => ({
    model_name: key.modelName,
    model_version: key.modelVersion,
    window_start: clickhouseTime(key.window.startMs),
    window_end: clickhouseTime(key.window.endMs),
    feature: result.feature,
    kind: result.kind,
    is_prediction: isPrediction ? 1 : 0,
    test: result.test,
    method: result.method,
    score_kind: result.scoreKind,
    score: result.score,
    statistic: result.statistic,
    threshold: result.threshold,
    drifted: result.drifted ? 1 : 0,
    reference_rows: result.referenceSize,
    current_rows: result.currentSize,
    computed_at: clickhouseTime(computedAtMs),
  });
  const rows = features.map((feature) => row(feature, false));
  if (prediction) rows.push(row(prediction, true));
  await insertRows(client, `${database}.drift_metrics`, rows);
}

/** The window_summaries row: written last for a window, it is the window's "done" mark. */
export interface WindowSummaryRow {
  report_id: string;
  reference_source: string;
  row_count: number;
  features_evaluated: number;
  features_drifted: number;
  drift_share: number;
  dataset_drift: number;
  prediction_drift_score: number | null;
  retrain_decision: string;
  retrain_command_id: string;
  streak: number;
  cooldown_remaining: number;
  canary_version: number;
  canary_status: string;
  canary_requests: number;
  canary_error_rate: number;
  canary_p99_latency_ms: number;
  champion_requests: number;
  champion_error_rate: number;
  champion_p99_latency_ms: number;
  prediction_distance: number;
  rollback_command_id: string;
  rolled_back_canary_version: number;
  labeled_rows: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  auc: number | null;
  label_delay_avg_ms: number | null;
}

export async function writeWindowSummary(
  client: ClickHouseClient,
  database: string,
  key: WindowKey,
  summary: WindowSummaryRow,
  computedAtMs: number,
): Promise<void> {
  await insertRows(client, `${database}.window_summaries`, [
    {
      model_name: key.modelName,
      model_version: key.modelVersion,
      window_start: clickhouseTime(key.window.startMs),
      window_end: clickhouseTime(key.window.endMs),
      ...summary,
      computed_at: clickhouseTime(computedAtMs),
    },
  ]);
}
