/**
 * Numeric features as real ones mostly are: continuous, each feature on its own scale (normal
 * draws times 0.1 to 1 000), the same for the same `i`. sampleLog's values lie on a grid of
 * 10 000 points, which makes value-keyed work in the engine (sketches, compression) look cheaper
 * than it is.
 */
export function continuousFeatures(i: number, count = 20): Record<string, number> {
  const random = mulberry32(i + 1);
  const features: Record<string, number> = {};
  for (let f = 0; f < count; f++) features[`num_${f}`] = normal(random) * 10 ** ((f % 5) - 1);
  return features;
}

/** A standard normal draw (Box-Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A small seeded PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
