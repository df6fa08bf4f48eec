import { fixedBins } from '../src/bins/fixed-bins';
import { histogram } from '../src/bins/histogram';
import { psi } from '../src/statistics/psi';
import { expectClose, fixtureSample, reference } from './reference-fixture';

describe('binned PSI agrees with the independent Python implementation', () => {
  const cases = reference.psi.map(
    (c) => [`${c.reference} vs ${c.current}, ${c.bins} ${c.strategy} bins`, c] as const,
  );

  it.each(cases)('%s: same edges (numpy), same counts, same PSI', (_, c) => {
    const referenceSample = fixtureSample(c.reference);
    const currentSample = fixtureSample(c.current);
    for (const form of ['raw', 'pairs'] as const) {
      const edges = fixedBins(referenceSample[form], c.bins, c.strategy);
      expect(edges).toHaveLength(c.edges.length);
      edges.forEach((edge, i) => expectClose(edge, c.edges[i]!, `${form} edge ${i}`));
      const referenceCounts = histogram(referenceSample[form], edges);
      const currentCounts = histogram(currentSample[form], edges);
      expect(Array.from(referenceCounts)).toEqual(c.referenceCounts);
      expect(Array.from(currentCounts)).toEqual(c.currentCounts);
      expectClose(psi(referenceCounts, currentCounts), c.psi, `${form} psi`);
    }
  });
});
