import fc from 'fast-check';
import { WeightedSample, sampleFromValues } from '../src/sample/weighted-sample';

/** Non-empty numeric samples: continuous values, or small integers so ties are common. */
export const sampleArbitrary: fc.Arbitrary<WeightedSample> = fc
  .oneof(
    fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
      minLength: 1,
      maxLength: 80,
    }),
    fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 80 }),
  )
  .map((values) => sampleFromValues(values));

/** Aligned pairs of count vectors with a positive total on each side. */
export const countPairArbitrary: fc.Arbitrary<[number[], number[]]> = fc
  .integer({ min: 1, max: 12 })
  .chain((length) =>
    fc.tuple(
      fc.array(fc.nat({ max: 500 }), { minLength: length, maxLength: length }),
      fc.array(fc.nat({ max: 500 }), { minLength: length, maxLength: length }),
    ),
  )
  .filter(([a, b]) => a.some((x) => x > 0) && b.some((x) => x > 0));
