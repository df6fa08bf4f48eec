/** One thing wrong with a gate config, located by a path such as `metrics.auc_roc.min`. */
export interface ValidationProblem {
  path: string;
  message: string;
}

/** Thrown by `parseGateConfig`; `problems` lists every defect of the config, not just the first. */
export class GateConfigError extends Error {
  override readonly name = 'GateConfigError';

  constructor(readonly problems: readonly ValidationProblem[]) {
    super(
      `invalid quality gate config: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`,
    );
  }
}

/**
 * Thrown by `evaluateGates` when an evaluation snapshot is malformed (not an object, one
 * metric given twice with different values). Missing or NaN metric values are not errors:
 * they fail their gates with an explanation.
 */
export class GateInputError extends Error {
  override readonly name = 'GateInputError';
}
