import type { FeatureDriftResult } from '@flywheel/drift';
import type { NumericMethod } from './numeric-plan';

/**
 * One feature's drift in one window: @flywheel/drift's result plus how the current window was
 * summarised ('categories' for categorical counts) and whether the test was a fallback (KS asked
 * for but no reference sample stored, or binned tests without reference bins).
 */
export interface MonitoredFeatureDrift extends Omit<FeatureDriftResult, 'testSource'> {
  method: NumericMethod | 'categories';
  testSource: 'default' | 'override' | 'fallback';
  /** The test statistic (KS D, chi-square χ²) or the distance; see testStatistic. */
  statistic: number;
}
