/** One thing wrong with an input, located by a dotted path such as `canary.weightPercent`. */
export interface ValidationProblem {
  path: string;
  message: string;
}

function listProblems(subject: string, problems: readonly ValidationProblem[]): string {
  return `invalid ${subject}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
}

/** Thrown when a traffic policy is unusable; `problems` lists every defect, not just the first. */
export class TrafficPolicyError extends Error {
  override readonly name = 'TrafficPolicyError';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(listProblems('traffic policy', problems));
  }
}

/** Thrown when a rollout plan is unusable; `problems` lists every defect, not just the first. */
export class RolloutPlanError extends Error {
  override readonly name = 'RolloutPlanError';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(listProblems('rollout plan', problems));
  }
}
