import { kolmogorovSf } from '../src/special/kolmogorov/kolmogorov-sf';
import { smirnovSf } from '../src/special/kolmogorov/smirnov';
import { chiSquareSf, normalSf } from '../src/special/distributions';
import { logGamma } from '../src/special/log-gamma';
import { expectClose, reference } from './reference-fixture';

describe('special functions agree with scipy', () => {
  it.each(reference.kstwoSf.map((c) => [c.n, c.x, c.sf] as const))('kstwo.sf at n=%d x=%f', (n, x, sf) =>
    expectClose(kolmogorovSf(n, x), sf, `kolmogorovSf(${n}, ${x})`),
  );

  it.each(reference.smirnovSf.map((c) => [c.n, c.x, c.sf] as const))('smirnov at n=%d x=%f', (n, x, sf) =>
    expectClose(smirnovSf(n, x), sf, `smirnovSf(${n}, ${x})`),
  );

  it.each(reference.chi2Sf.map((c) => [c.df, c.x, c.sf] as const))(
    'chi2.sf with df=%d at x=%f',
    (df, x, sf) => expectClose(chiSquareSf(x, df), sf, `chiSquareSf(${x}, ${df})`),
  );

  it.each(reference.normSf.map((c) => [c.x, c.sf] as const))('norm.sf at %f', (x, sf) =>
    expectClose(normalSf(x), sf, `normalSf(${x})`),
  );

  it.each(reference.gammaln.map((c) => [c.x, c.value] as const))('gammaln at %f', (x, value) =>
    expectClose(logGamma(x), value, `logGamma(${x})`),
  );
});
