import { DriftInputError } from '../errors';
import { DriftPolicy, assertValidDriftPolicy, resolveBinning } from './drift-policy';

describe('drift policy', () => {
  it('accepts the empty policy (Evidently defaults)', () => {
    expect(() => assertValidDriftPolicy({})).not.toThrow();
  });

  it('lists every invalid entry at once', () => {
    const policy = {
      thresholds: { ks: 2, bogus: 1 },
      bins: { count: 0 },
      features: { age: { test: 'ttest', threshold: -1 } },
      driftShare: 0,
    } as unknown as DriftPolicy;
    expect(() => assertValidDriftPolicy(policy)).toThrow(DriftInputError);
    expect(() => assertValidDriftPolicy(policy)).toThrow(
      'invalid drift policy: thresholds.ks is 2; expected a number in [0, 1]; thresholds.bogus: unknown test; ' +
        'bins.count is 0; expected a positive integer; features.age.test: unknown test ttest; ' +
        'features.age.threshold is -1; expected a number in [0, ∞); driftShare is 0; expected (0, 1]',
    );
  });

  it('resolves binning from the feature, then the model, then the default', () => {
    const policy: DriftPolicy = {
      bins: { count: 20 },
      features: { age: { bins: { strategy: 'equal-width' } } },
    };
    expect(resolveBinning(policy, 'age')).toEqual({ count: 20, strategy: 'equal-width' });
    expect(resolveBinning(policy, 'income')).toEqual({ count: 20, strategy: 'quantile' });
    expect(resolveBinning({}, 'income')).toEqual({ count: 10, strategy: 'quantile' });
  });
});
