/** One invalid or missing setting: the variable (and flag, when one supplied it) and why. */
export interface ConfigProblem {
  variable: string;
  reason: string;
}

/**
 * Thrown by `loadConfig` with every problem found, so an operator fixes the environment in
 * one pass instead of one restart per mistake. Values are never echoed for secret variables.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
  }
}

function formatProblems(problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `  - ${problem.variable}: ${problem.reason}`);
  return [`Invalid configuration (${count}):`, ...lines].join('\n');
}
