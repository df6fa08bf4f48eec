import { RolloutPlanError, ValidationProblem } from '../errors';
import { percentProblem } from '../policy/basis-points';
import { TrafficPolicy } from '../policy/traffic-policy';
import { describeValue } from '../policy/describe-value';
import { validateTrafficPolicy } from '../policy/validate-policy';
import { versionProblem } from '../policy/version-number';

/** One traffic share of a rollout and how long the canary is watched at it. */
export interface RolloutStep {
  /** Canary share at this step, above 0 and at most 100, in steps of 0.01. */
  weightPercent: number;
  /** How long the canary serves at this share before its health is analysed. */
  analysisWindowMs: number;
  /** Canary requests the window must contain for a pass to count; fewer extends the window. */
  minRequests: number;
}

export interface RolloutPlan {
  /** The policy in force before the rollout (no canary); restored exactly on rollback. */
  baseline: TrafficPolicy;
  canaryVersion: number;
  /** Strictly increasing shares, for example 5, 25, 50, 100 percent. */
  steps: readonly RolloutStep[];
  /**
   * How often a window without enough evidence may be extended before the rollout is
   * rolled back (an unproven canary is never promoted). Default 3.
   */
  maxWindowExtensions?: number;
}

export const DEFAULT_MAX_WINDOW_EXTENSIONS = 3;

/** Every defect of `plan` with its path; empty when the plan can be run. */
export function validateRolloutPlan(plan: RolloutPlan): ValidationProblem[] {
  const problems = validateTrafficPolicy(plan.baseline).map((p) => ({
    ...p,
    path: p.path ? `baseline.${p.path}` : 'baseline',
  }));
  const report = (path: string, message: string | undefined): void => {
    if (message !== undefined) problems.push({ path, message });
  };
  if (plan.baseline?.canary) {
    report('baseline.canary', 'must be absent: a rollout starts from a policy without a canary');
  }
  report('canaryVersion', versionProblem(plan.canaryVersion));
  if (plan.canaryVersion === plan.baseline?.championVersion) {
    report('canaryVersion', `equals the baseline championVersion ${plan.canaryVersion}`);
  }
  if (plan.baseline?.shadow && plan.canaryVersion === plan.baseline.shadow.version) {
    report('canaryVersion', `equals the baseline shadow version ${plan.canaryVersion}`);
  }
  const steps: readonly RolloutStep[] = Array.isArray(plan.steps) ? plan.steps : [];
  if (steps.length === 0) report('steps', 'must list at least one step');
  steps.forEach((step, i) => {
    report(`steps[${i}].weightPercent`, percentProblem(step.weightPercent, true));
    report(`steps[${i}].analysisWindowMs`, countProblem(step.analysisWindowMs, 1));
    report(`steps[${i}].minRequests`, countProblem(step.minRequests, 0));
    const previous = steps[i - 1];
    if (previous && !(step.weightPercent > previous.weightPercent)) {
      report(
        `steps[${i}].weightPercent`,
        `must exceed the previous step's ${previous.weightPercent}, got ${step.weightPercent}`,
      );
    }
  });
  if (plan.maxWindowExtensions !== undefined) {
    report('maxWindowExtensions', countProblem(plan.maxWindowExtensions, 0));
  }
  return problems;
}

/** Throws a `RolloutPlanError` listing every defect when `plan` is not valid. */
export function assertValidRolloutPlan(plan: RolloutPlan): void {
  const problems = validateRolloutPlan(plan);
  if (problems.length > 0) throw new RolloutPlanError(problems);
}

function countProblem(value: unknown, minimum: number): string | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    return `must be an integer of at least ${minimum}, got ${describeValue(value)}`;
  }
  return undefined;
}
