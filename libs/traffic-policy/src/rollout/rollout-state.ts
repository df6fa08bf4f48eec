import { TrafficPolicy } from '../policy/traffic-policy';

/**
 * Where a rollout stands. While progressing, a step is first `observing` (the canary serves
 * its share until the analysis window ends) and then `analysing` (a verdict is awaited).
 * `promoted`, `rolled_back` and `aborted` are final; `aborted` means no traffic ever moved.
 */
export type RolloutState =
  | { status: 'pending' }
  | {
      status: 'progressing';
      stepIndex: number;
      phase: 'observing' | 'analysing';
      stepStartedAtMs: number;
      windowEndsAtMs: number;
      /** Times this step's window was extended for lack of evidence. */
      windowExtensions: number;
    }
  | { status: 'promoted'; atMs: number }
  | { status: 'rolled_back'; atMs: number; stepIndex: number; reason: string }
  | { status: 'aborted'; atMs: number; reason: string };

export type RolloutStatus = RolloutState['status'];

/**
 * What happened. Every event carries the time it happened (the caller's clock, so the
 * machine stays pure); step-scoped events carry the step they concern, so a verdict or timer
 * left over from an earlier step is rejected instead of acting on the wrong traffic share.
 */
export type RolloutEvent =
  | { type: 'start'; atMs: number }
  | { type: 'step_timer'; stepIndex: number; atMs: number }
  | { type: 'analysis_passed'; stepIndex: number; canaryRequests: number; atMs: number }
  | { type: 'analysis_inconclusive'; stepIndex: number; reason: string; atMs: number }
  | { type: 'analysis_failed'; stepIndex: number; reason: string; atMs: number }
  | { type: 'rollback_requested'; canaryVersion: number; reason: string; atMs: number }
  | { type: 'abort'; reason: string; atMs: number };

export type RolloutEventType = RolloutEvent['type'];

/** Kinds of published policy changes, matching `DeploymentEventKind` in the deployment proto. */
export type PolicyChangeKind = 'rollout_started' | 'step_advanced' | 'promoted' | 'rolled_back';

/** Side effects the caller performs, in list order, after persisting the new state. */
export type RolloutEffect =
  | { type: 'publish_policy'; kind: PolicyChangeKind; policy: TrafficPolicy; reason: string }
  | { type: 'set_alias'; alias: 'champion'; version: number }
  /** Deliver `step_timer` for `stepIndex` at `fireAtMs`. */
  | { type: 'schedule_step_timer'; stepIndex: number; fireAtMs: number }
  | { type: 'cancel_step_timer'; stepIndex: number }
  /** Compare canary and champion over the window, then deliver an `analysis_*` event. */
  | {
      type: 'run_analysis';
      stepIndex: number;
      canaryVersion: number;
      championVersion: number;
      windowStartMs: number;
      windowEndMs: number;
      minRequests: number;
    };

export interface RolloutTransition {
  state: RolloutState;
  /** The traffic policy in force once the effects are performed. */
  policy: TrafficPolicy;
  effects: RolloutEffect[];
  /** One sentence for the audit log. */
  description: string;
}

export const INITIAL_ROLLOUT_STATE: RolloutState = { status: 'pending' };

export function isFinalRolloutState(state: RolloutState): boolean {
  return state.status === 'promoted' || state.status === 'rolled_back' || state.status === 'aborted';
}
