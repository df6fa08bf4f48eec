import { ksTest } from '../src/statistics/ks';
import { expectClose, fixtureSample, reference } from './reference-fixture';

describe('ksTest agrees with scipy.stats.ks_2samp', () => {
  const cases = reference.ks2samp.map((c) => [`${c.reference} vs ${c.current} (${c.method})`, c] as const);

  it.each(cases)('%s: same statistic, p-value and resolved method from raw and value/count input', (_, c) => {
    const referenceSample = fixtureSample(c.reference);
    const currentSample = fixtureSample(c.current);
    for (const form of ['raw', 'pairs'] as const) {
      const result = ksTest(referenceSample[form], currentSample[form], c.method);
      expect(result.method).toBe(c.resolvedMethod);
      expectClose(result.statistic, c.statistic, `${form} statistic`);
      expectClose(result.pValue, c.pValue, `${form} p-value`);
    }
  });

  it('covers both exact paths (equal and unequal sizes) and the asymptotic one', () => {
    const exact = reference.ks2samp.filter((c) => c.resolvedMethod === 'exact');
    const sizes = (name: string): number => fixtureSample(name).raw.total;
    expect(exact.some((c) => sizes(c.reference) === sizes(c.current))).toBe(true);
    expect(exact.some((c) => sizes(c.reference) !== sizes(c.current))).toBe(true);
    expect(reference.ks2samp.some((c) => c.resolvedMethod === 'asymp')).toBe(true);
  });
});
