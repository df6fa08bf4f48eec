import { RolloutPlan } from '../src/rollout/rollout-plan';

/** The plan most tests use: champion 1 with a shadow, canary 2 through 5, 25, 50, 100 percent. */
export const PLAN: RolloutPlan = {
  baseline: { championVersion: 1, shadow: { version: 9 }, stickyKeyHeader: 'x-user-id' },
  canaryVersion: 2,
  steps: [5, 25, 50, 100].map((weightPercent) => ({
    weightPercent,
    analysisWindowMs: 60_000,
    minRequests: 100,
  })),
  maxWindowExtensions: 2,
};
