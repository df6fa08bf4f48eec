import { populationStd } from '../src/sample/sample-moments';
import { normedWassersteinDistance, wassersteinDistance } from '../src/statistics/wasserstein';
import { expectClose, fixtureSample, reference } from './reference-fixture';

describe('Wasserstein distance agrees with scipy.stats.wasserstein_distance', () => {
  const cases = reference.wasserstein.map((c) => [`${c.reference} vs ${c.current}`, c] as const);

  it.each(cases)('%s: plain and normed distances from raw and value/count input', (_, c) => {
    const referenceSample = fixtureSample(c.reference);
    const currentSample = fixtureSample(c.current);
    for (const form of ['raw', 'pairs'] as const) {
      expectClose(
        wassersteinDistance(referenceSample[form], currentSample[form]),
        c.distance,
        `${form} distance`,
      );
      expectClose(
        normedWassersteinDistance(referenceSample[form], currentSample[form]),
        c.normed,
        `${form} normed`,
      );
      expectClose(populationStd(referenceSample[form]), c.referenceStd, `${form} reference std`);
    }
    if (c.weightedDistance !== undefined) {
      expectClose(
        wassersteinDistance(referenceSample.pairs, currentSample.pairs),
        c.weightedDistance,
        'weighted form',
      );
    }
  });
});
