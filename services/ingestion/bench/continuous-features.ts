import { normal, seededRandom } from '@flywheel/testing';

/**
 * Numeric features as real ones mostly are: continuous, each feature on its own scale (normal
 * draws times 0.1 to 1 000), the same for the same `i`. sampleLog's values lie on a grid of
 * 10 000 points, which makes value-keyed work in the engine (sketches, compression) look cheaper
 * than it is.
 */
export function continuousFeatures(i: number, count = 20): Record<string, number> {
  const random = seededRandom(i + 1);
  const features: Record<string, number> = {};
  for (let f = 0; f < count; f++) features[`num_${f}`] = normal(random) * 10 ** ((f % 5) - 1);
  return features;
}
