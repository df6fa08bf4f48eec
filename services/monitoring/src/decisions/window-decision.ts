import {
  type CanaryGuardrails,
  type CanaryObservation,
  type CanaryVerdict,
  INITIAL_RETRAIN_STATE,
  type RetrainDecision,
  type RetrainHysteresisConfig,
  evaluateCanaryGuardrails,
  nextRetrainStep,
} from '@flywheel/drift';
import type { WindowDrift } from '../evaluation/evaluate-window';
import type { TimeWindow } from '../windows/window';

/** What survives between windows of one model version (stored in window_summaries). */
export interface MonitorState {
  /** Drifted windows in a row so far. */
  streak: number;
  /** Windows of retrain cooldown still to sit out. */
  cooldownRemaining: number;
  /** Canary version a rollback was already requested for (0: none), so it is requested once. */
  rolledBackCanaryVersion: number;
}

export const INITIAL_MONITOR_STATE: MonitorState = { ...INITIAL_RETRAIN_STATE, rolledBackCanaryVersion: 0 };

/** The canary's and champion's health in the same window. */
export interface CanaryWindow {
  canaryVersion: number;
  observation: CanaryObservation;
}

export interface WindowDecisionInput {
  window: TimeWindow;
  /** Undefined when the window had no rows of the monitored version: the streak is left as it is. */
  drift: WindowDrift | undefined;
  canary: CanaryWindow | undefined;
  state: MonitorState;
  retrain: RetrainHysteresisConfig;
  guardrails: CanaryGuardrails;
}

export interface WindowDecision {
  /** 'no-data' when the window had no rows to judge. */
  retrain: RetrainDecision | 'no-data';
  canary: CanaryVerdict | undefined;
  /** Request a rollback of this canary version now (first breached window only). */
  rollbackCanaryVersion: number | undefined;
  state: MonitorState;
}

/**
 * Retrain: dataset drift must hold for K consecutive windows, then a cooldown (the hysteresis
 * of @flywheel/drift). Rollback: the first window where the canary breaches a guardrail; later
 * breaches of the same canary version do not ask again.
 */
export function decideWindow(input: WindowDecisionInput): WindowDecision {
  const { state } = input;
  let retrain: WindowDecision['retrain'] = 'no-data';
  let next: MonitorState = state;
  if (input.drift !== undefined) {
    const step = nextRetrainStep(state, input.drift.datasetDrift, input.retrain);
    retrain = step.decision;
    next = { ...step.state, rolledBackCanaryVersion: state.rolledBackCanaryVersion };
  }
  const verdict = input.canary && evaluateCanaryGuardrails(input.canary.observation, input.guardrails);
  const breachedNow =
    verdict?.status === 'breached' &&
    input.canary !== undefined &&
    input.canary.canaryVersion !== state.rolledBackCanaryVersion;
  const rollbackCanaryVersion = breachedNow ? input.canary?.canaryVersion : undefined;
  if (rollbackCanaryVersion !== undefined) next = { ...next, rolledBackCanaryVersion: rollbackCanaryVersion };
  return { retrain, canary: verdict, rollbackCanaryVersion, state: next };
}
