import { describeValue } from './describe-value';

/**
 * Traffic shares are percentages with a resolution of one basis point (0.01 %), so a 0.5 %
 * canary is expressible while every share maps exactly onto one of the 10 000 routing buckets.
 */
export const BUCKETS = 10_000;

const BASIS_POINTS_PER_PERCENT = 100;
// Tolerates the binary representation error of decimal inputs such as 12.34 * 100.
const REPRESENTATION_SLACK = 1e-6;

/** The whole number of basis points in `percent`, or undefined when it is finer than 0.01 %. */
export function toBasisPoints(percent: number): number | undefined {
  const scaled = percent * BASIS_POINTS_PER_PERCENT;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) <= REPRESENTATION_SLACK ? rounded : undefined;
}

/**
 * Why `value` is not a usable share in [0, 100] percent, or undefined when it is.
 * `exclusiveZero` rejects 0 for shares that must send some traffic (rollout steps).
 */
export function percentProblem(value: unknown, exclusiveZero = false): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `must be a finite number of percent, got ${describeValue(value)}`;
  }
  if (exclusiveZero && (value <= 0 || value > 100)) {
    return `must be above 0 and at most 100 percent, got ${value}`;
  }
  if (value < 0 || value > 100) return `must be between 0 and 100 percent, got ${value}`;
  if (toBasisPoints(value) === undefined) {
    return `must be a multiple of 0.01 percent (one basis point), got ${value}`;
  }
  return undefined;
}
