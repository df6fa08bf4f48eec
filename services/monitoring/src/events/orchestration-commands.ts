import type { Evidence, OrchestrationCommand } from '@flywheel/contracts';
import type { GuardrailBreach } from '@flywheel/drift';
import type { WindowDrift } from '../evaluation/evaluate-window';
import type { CanaryWindow } from '../decisions/window-decision';
import { retrainCommandId, rollbackCommandId } from '../windows/idempotency-keys';
import type { TimeWindow } from '../windows/window';

export const ISSUED_BY = 'monitoring';

/** retrain.requested for the window that completed a streak of K drifted windows. */
export function retrainCommand(
  modelName: string,
  modelVersion: number,
  window: TimeWindow,
  drift: WindowDrift,
  consecutiveWindows: number,
  nowMs: number,
): OrchestrationCommand {
  const statistics: Record<string, number> = {
    drift_share: drift.driftShare,
    model_version: modelVersion,
    consecutive_windows: consecutiveWindows,
  };
  for (const feature of drift.features) statistics[`${feature.feature}.${feature.test}`] = feature.score;
  return {
    commandId: retrainCommandId(modelName, modelVersion, window),
    modelName,
    issuedAtMs: nowMs,
    issuedBy: ISSUED_BY,
    retrainRequested: {
      reason: `dataset drift in ${consecutiveWindows} consecutive windows (share ${drift.driftShare.toFixed(2)}: ${drift.driftedFeatures.join(', ')})`,
      evidence: evidence(window, drift.driftedFeatures, statistics),
    },
  };
}

/** rollback.requested for a canary that breached its guardrails in `window`. */
export function rollbackCommand(
  modelName: string,
  window: TimeWindow,
  canary: CanaryWindow,
  breaches: readonly GuardrailBreach[],
  nowMs: number,
): OrchestrationCommand {
  const { canary: canaryHealth, champion, predictionDistance } = canary.observation;
  return {
    commandId: rollbackCommandId(modelName, canary.canaryVersion),
    modelName,
    issuedAtMs: nowMs,
    issuedBy: ISSUED_BY,
    rollbackRequested: {
      canaryVersion: canary.canaryVersion,
      reason: breaches.map((breach) => breach.message).join('; '),
      evidence: evidence(window, [], {
        canary_requests: canaryHealth.requests,
        canary_error_rate: canaryHealth.errorRate,
        canary_p99_latency_ms: canaryHealth.p99LatencyMs,
        champion_requests: champion.requests,
        champion_error_rate: champion.errorRate,
        champion_p99_latency_ms: champion.p99LatencyMs,
        prediction_distance: predictionDistance,
      }),
    },
  };
}

function evidence(
  window: TimeWindow,
  driftedFeatures: string[],
  statistics: Record<string, number>,
): Evidence {
  return { windowStartMs: window.startMs, windowEndMs: window.endMs, driftedFeatures, statistics };
}
