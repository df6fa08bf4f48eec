import type { registryV1 } from '@flywheel/contracts';
import { SKETCH_PROBABILITIES } from '../evaluation/feature-stats';
import { referenceFromProfile } from './profile-reference';

const profile: registryV1.ReferenceProfile = {
  rowCount: 1_000,
  features: [
    {
      name: 'age',
      missingCount: 10,
      numeric: {
        binEdges: [20, 40, 60],
        binCounts: [0, 500, 490, 0],
        quantiles: [
          { probability: 0, value: 20 },
          { probability: 0.5, value: 40 },
          { probability: 1, value: 60 },
        ],
        distinctCount: 41,
      },
    },
    { name: 'country', missingCount: 0, categorical: { frequencies: { fr: 600, de: 400 } } },
  ],
};

describe('referenceFromProfile', () => {
  const reference = referenceFromProfile(profile, 'registry profile of churn v3');

  it('keeps bins and category frequencies as stored, counting rows without missing values', () => {
    expect(reference.features.get('age')).toMatchObject({
      kind: 'numeric',
      count: 990,
      distinct: 21,
      bins: { edges: [20, 40, 60], counts: [0, 500, 490, 0] },
    });
    expect(reference.features.get('country')).toEqual({
      kind: 'categorical',
      counts: new Map([
        ['fr', 600],
        ['de', 400],
      ]),
    });
  });

  it('interpolates the sketch linearly between stored quantiles and derives the std from it', () => {
    const age = reference.features.get('age');
    if (age?.kind !== 'numeric') throw new Error('age is numeric');
    expect(age.sketch).toHaveLength(SKETCH_PROBABILITIES.length);
    expect(age.sketch[0]).toBeCloseTo(20 + 40 * SKETCH_PROBABILITIES[0]!, 12);
    // A uniform distribution on [20, 60]: std = 40 / √12.
    expect(age.std).toBeCloseTo(40 / Math.sqrt(12), 2);
    expect(age.sample).toBeUndefined();
  });

  it('refuses a numeric profile without quantiles, naming the feature', () => {
    const broken = {
      ...profile,
      features: [
        {
          name: 'age',
          missingCount: 0,
          numeric: { binEdges: [], binCounts: [], quantiles: [], distinctCount: 0 },
        },
      ],
    };
    expect(() => referenceFromProfile(broken, 'x')).toThrow(/"age"/);
  });
});
