/**
 * At most `max` points of one run's sample, ordered by step: the SQL keeps each bucket's first
 * point and the last point, which can make one too many; then the point before the last goes,
 * as MLflow replaces its final sampled point with the last one.
 */
export function capSample<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  if (max === 1) return points.slice(-1);
  return [...points.slice(0, max - 1), points[points.length - 1]!];
}
