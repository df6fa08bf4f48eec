import type { ClickHouseClient } from '@clickhouse/client';
import type { Logger } from '@flywheel/telemetry';
import { type CanaryWindow, type WindowDecision, decideWindow } from '../decisions/window-decision';
import { type WindowDrift, evaluateWindowDrift } from '../evaluation/evaluate-window';
import { buildDriftReport } from '../events/drift-report';
import type { MonitorPublisher } from '../events/monitor-publisher';
import { retrainCommand, rollbackCommand } from '../events/orchestration-commands';
import { lastMonitorState } from '../clickhouse/progress-queries';
import { writeDriftMetrics, writeWindowSummary, type WindowSummaryRow } from '../clickhouse/results-writer';
import { type LivePerformance, livePerformance, windowTraffic } from '../clickhouse/traffic-queries';
import type { ModelMonitoringConfig } from '../settings/model-monitoring-config';
import type { TimeWindow } from '../windows/window';
import { PRIMARY_VARIANTS, canaryWindow, primaryVersion } from './canary-health';
import { readCurrentWindow } from './current-window';
import type { MonitoringMetrics } from './monitoring-metrics';
import type { ReferenceResolver } from './reference-resolver';

export interface WindowProcessorDeps {
  client: ClickHouseClient;
  database: string;
  references: ReferenceResolver;
  publisher: MonitorPublisher;
  metrics: MonitoringMetrics;
  logger: Pick<Logger, 'info' | 'warn'>;
  clock: () => number;
}

/** What happened in one window, for logs and tests. */
export interface WindowResult {
  modelVersion: number;
  rowCount: number;
  drift: WindowDrift | undefined;
  decision: WindowDecision;
}

/**
 * Processes one closed window of one model, in an order that makes a crash at any point safe:
 * drift_metrics rows (replaced on rerun) → DriftReport → commands (ids stable per window, so
 * consumers drop repeats) → the window_summaries row, which marks the window done. A crash
 * before the summary reprocesses the window with the same ids; after it, the window is skipped.
 */
export class WindowProcessor {
  constructor(private readonly deps: WindowProcessorDeps) {}

  async process(modelName: string, window: TimeWindow, config: ModelMonitoringConfig): Promise<WindowResult> {
    const started = this.deps.clock();
    const { client, database } = this.deps;
    const traffic = await windowTraffic(client, database, modelName, window.startMs, window.endMs);
    const version = primaryVersion(traffic) ?? 0;
    const state = await lastMonitorState(client, database, modelName, version);

    let drift: WindowDrift | undefined;
    let rowCount = 0;
    let referenceSource = '';
    if (version > 0) {
      const reference = await this.deps.references.reference(
        modelName,
        version,
        config.reference,
        config.schedule,
      );
      if (reference !== undefined) {
        referenceSource = reference.source;
        const slice = {
          database,
          modelName,
          modelVersion: version,
          variants: PRIMARY_VARIANTS,
          fromMs: window.startMs,
          toMs: window.endMs,
        };
        const current = await readCurrentWindow(client, slice, reference, config.drift);
        rowCount = current.rowCount;
        if (rowCount > 0) drift = evaluateWindowDrift(reference, current.data, current.plans, config.drift);
      }
    }
    const canary =
      version > 0 ? await canaryWindow(client, database, modelName, window, traffic, version) : undefined;
    const performance =
      version > 0
        ? await livePerformance(
            client,
            database,
            { modelName, modelVersion: version, fromMs: window.startMs, toMs: window.endMs },
            config.positiveLabel,
          )
        : undefined;
    const decision = decideWindow({
      window,
      drift,
      canary,
      state,
      retrain: config.retrain,
      guardrails: config.guardrails,
    });

    const now = this.deps.clock();
    const key = { modelName, modelVersion: version, window };
    let reportId = '';
    if (drift !== undefined) {
      await writeDriftMetrics(client, database, key, drift.features, drift.prediction, now);
      const report = buildDriftReport(modelName, version, window, rowCount, drift);
      await this.deps.publisher.report(report);
      reportId = report.reportId;
    }
    const retrain =
      decision.retrain === 'retrain' && drift !== undefined
        ? retrainCommand(modelName, version, window, drift, config.retrain.consecutiveWindows, now)
        : undefined;
    const rollback =
      decision.rollbackCanaryVersion !== undefined &&
      canary !== undefined &&
      decision.canary?.status === 'breached'
        ? rollbackCommand(modelName, window, canary, decision.canary.breaches, now)
        : undefined;
    for (const command of [retrain, rollback]) {
      if (command === undefined) continue;
      await this.deps.publisher.command(command);
      this.deps.metrics.commandIssued(modelName, command.retrainRequested ? 'retrain' : 'rollback');
      this.deps.logger.info(
        { model: modelName, commandId: command.commandId, window },
        command.retrainRequested ? 'retrain requested' : 'rollback requested',
      );
    }
    await writeWindowSummary(
      client,
      database,
      key,
      summaryRow({
        reportId,
        referenceSource,
        rowCount,
        drift,
        decision,
        canary,
        performance,
        retrainId: retrain?.commandId,
        rollbackId: rollback?.commandId,
      }),
      now,
    );

    this.deps.metrics.windowProcessed(
      modelName,
      version,
      drift,
      decision.state.streak,
      this.deps.clock() - started,
    );
    if (canary) this.deps.metrics.canaryObserved(modelName, canary);
    return { modelVersion: version, rowCount, drift, decision };
  }
}

interface SummaryInput {
  reportId: string;
  referenceSource: string;
  rowCount: number;
  drift: WindowDrift | undefined;
  decision: WindowDecision;
  canary: CanaryWindow | undefined;
  performance: LivePerformance | undefined;
  retrainId: string | undefined;
  rollbackId: string | undefined;
}

function summaryRow(input: SummaryInput): WindowSummaryRow {
  const { drift, decision, canary, performance } = input;
  const observation = canary?.observation;
  return {
    report_id: input.reportId,
    reference_source: input.referenceSource,
    row_count: input.rowCount,
    features_evaluated: drift?.features.length ?? 0,
    features_drifted: drift?.driftedFeatures.length ?? 0,
    drift_share: drift?.driftShare ?? 0,
    dataset_drift: drift?.datasetDrift ? 1 : 0,
    prediction_drift_score: drift?.prediction?.score ?? null,
    retrain_decision: decision.retrain,
    retrain_command_id: input.retrainId ?? '',
    streak: decision.state.streak,
    cooldown_remaining: decision.state.cooldownRemaining,
    canary_version: canary?.canaryVersion ?? 0,
    canary_status: decision.canary?.status ?? '',
    canary_requests: observation?.canary.requests ?? 0,
    canary_error_rate: observation?.canary.errorRate ?? 0,
    canary_p99_latency_ms: observation?.canary.p99LatencyMs ?? 0,
    champion_requests: observation?.champion.requests ?? 0,
    champion_error_rate: observation?.champion.errorRate ?? 0,
    champion_p99_latency_ms: observation?.champion.p99LatencyMs ?? 0,
    prediction_distance: observation?.predictionDistance ?? 0,
    rollback_command_id: input.rollbackId ?? '',
    rolled_back_canary_version: decision.state.rolledBackCanaryVersion,
    labeled_rows: performance?.labeledRows ?? 0,
    accuracy: performance?.accuracy ?? null,
    precision: performance?.precision ?? null,
    recall: performance?.recall ?? null,
    auc: performance?.auc ?? null,
    label_delay_avg_ms: performance?.labelDelayAvgMs ?? null,
  };
}
