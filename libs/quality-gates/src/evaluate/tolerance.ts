/**
 * Slack for the binary rounding of a difference of two metrics (0.7 − 0.6 < 0.1), scaled by
 * the threshold when it exceeds 1. It depends on the gate only, never on the values, so an
 * improving candidate (or a worsening champion) can never flip a pass to a fail.
 */
export function differenceTolerance(threshold: number): number {
  return 1e-9 * Math.max(1, Math.abs(threshold));
}
