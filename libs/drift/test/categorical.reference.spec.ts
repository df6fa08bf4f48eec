import { alignCategories } from '../src/sample/category-counts';
import { chiSquareTest } from '../src/statistics/chi-square';
import { jensenShannonDistance } from '../src/statistics/jensen-shannon';
import { proportionZTest } from '../src/statistics/proportion-z-test';
import { psi } from '../src/statistics/psi';
import { expectClose, reference } from './reference-fixture';

function aligned(name: string): { reference: Float64Array; current: Float64Array } {
  const counts = reference.categorical[name];
  if (!counts) throw new Error(`fixture has no categorical case ${name}`);
  return alignCategories(counts.reference, counts.current);
}

describe('categorical statistics agree with scipy', () => {
  it.each(reference.chi2Contingency.map((c) => [c.name, c] as const))(
    '%s: chi2_contingency statistic, dof and p-value',
    (name, c) => {
      const counts = aligned(name);
      const result = chiSquareTest(counts.reference, counts.current);
      expect(result.dof).toBe(c.dof);
      expectClose(result.statistic, c.statistic, 'statistic');
      expectClose(result.pValue, c.pValue, 'p-value');
    },
  );

  it.each(reference.proportionZTest.map((c) => [c.name, c] as const))(
    '%s: two-proportion z-test p-value',
    (name, c) => {
      const counts = aligned(name);
      expectClose(proportionZTest(counts.reference, counts.current), c.pValue, 'p-value');
    },
  );

  it.each(reference.categoricalPsi.map((c) => [c.name, c] as const))(
    '%s: PSI as the independent Python PSI',
    (name, c) => {
      const counts = aligned(name);
      expectClose(psi(counts.reference, counts.current), c.psi, 'psi');
    },
  );

  it.each(reference.jensenShannon.map((c) => [`${c.name} base ${c.base ?? 'e'}`, c] as const))(
    '%s: scipy.spatial.distance.jensenshannon',
    (_, c) => {
      expectClose(jensenShannonDistance(c.reference, c.current, c.base ?? undefined), c.distance, 'distance');
    },
  );
});
