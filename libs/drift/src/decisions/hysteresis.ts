import { DriftInputError } from '../errors';

/** How many drifted windows in a row trigger a retrain, and how long to stay quiet afterwards. */
export interface RetrainHysteresisConfig {
  /** K ≥ 1: consecutive drifted windows needed before "retrain" fires. */
  consecutiveWindows: number;
  /** C ≥ 0: windows after a firing during which drift is ignored (the retrain is under way). */
  cooldownWindows: number;
}

/** Carried between windows (persist it to survive restarts); start from INITIAL_RETRAIN_STATE. */
export interface RetrainHysteresisState {
  /** Drifted windows in a row so far (never reaches K: firing resets it). */
  streak: number;
  /** Windows of cooldown still to sit out. */
  cooldownRemaining: number;
}

export const INITIAL_RETRAIN_STATE: RetrainHysteresisState = { streak: 0, cooldownRemaining: 0 };

/**
 * - 'stable': no drift this window; the streak restarts.
 * - 'pending': drift, but fewer than K windows in a row.
 * - 'retrain': K-th drifted window in a row; fire the retrain and start the cooldown.
 * - 'cooldown': inside the cooldown; the window is ignored, whatever it shows.
 */
export type RetrainDecision = 'stable' | 'pending' | 'retrain' | 'cooldown';

export interface RetrainStep {
  decision: RetrainDecision;
  state: RetrainHysteresisState;
}

/**
 * Advances the retrain state machine by one window. Pure: same inputs, same output, so one
 * noisy window cannot flap a model and a replayed window decides the same way.
 */
export function nextRetrainStep(
  state: RetrainHysteresisState,
  windowDrifted: boolean,
  config: RetrainHysteresisConfig,
): RetrainStep {
  assertConfig(config);
  if (state.cooldownRemaining > 0) {
    return { decision: 'cooldown', state: { streak: 0, cooldownRemaining: state.cooldownRemaining - 1 } };
  }
  if (!windowDrifted) return { decision: 'stable', state: { streak: 0, cooldownRemaining: 0 } };
  const streak = state.streak + 1;
  if (streak < config.consecutiveWindows)
    return { decision: 'pending', state: { streak, cooldownRemaining: 0 } };
  return { decision: 'retrain', state: { streak: 0, cooldownRemaining: config.cooldownWindows } };
}

function assertConfig(config: RetrainHysteresisConfig): void {
  if (!Number.isSafeInteger(config.consecutiveWindows) || config.consecutiveWindows < 1) {
    throw new DriftInputError(`consecutiveWindows is ${config.consecutiveWindows}; expected an integer ≥ 1`);
  }
  if (!Number.isSafeInteger(config.cooldownWindows) || config.cooldownWindows < 0) {
    throw new DriftInputError(`cooldownWindows is ${config.cooldownWindows}; expected an integer ≥ 0`);
  }
}
