import { BinStrategy, DEFAULT_BIN_COUNT } from '../bins/fixed-bins';
import { DriftInputError } from '../errors';
import { DRIFT_TESTS, DriftTestName } from './drift-tests';

/** How numeric features are binned for PSI and Jensen-Shannon. */
export interface BinningOptions {
  /** Bins between the reference edges (default 10; ties may merge some). */
  count?: number;
  /** Default 'quantile'. */
  strategy?: BinStrategy;
}

/** Per-feature override of the default choice. */
export interface FeatureDriftOverride {
  test?: DriftTestName;
  threshold?: number;
  bins?: BinningOptions;
}

/**
 * A model's drift configuration. Everything is optional: an empty policy is Evidently's
 * defaults. Precedence for a feature's threshold: `features[name].threshold`, then
 * `thresholds[test]`, then the test's default.
 */
export interface DriftPolicy {
  /** Thresholds replacing the defaults of a test for every feature of the model. */
  thresholds?: Partial<Record<DriftTestName, number>>;
  /** Binning for numeric PSI / Jensen-Shannon, for every feature of the model. */
  bins?: BinningOptions;
  /** Overrides keyed by feature name. */
  features?: Readonly<Record<string, FeatureDriftOverride>>;
  /** Dataset drift when at least this share of features drift (default 0.5, Evidently's). */
  driftShare?: number;
}

export const DEFAULT_DRIFT_SHARE = 0.5;

/** Throws a DriftInputError listing every invalid entry of `policy`. */
export function assertValidDriftPolicy(policy: DriftPolicy): void {
  const problems: string[] = [];
  for (const [test, threshold] of Object.entries(policy.thresholds ?? {})) {
    if (!(test in DRIFT_TESTS)) problems.push(`thresholds.${test}: unknown test`);
    else problems.push(...thresholdProblems(`thresholds.${test}`, test as DriftTestName, threshold));
  }
  problems.push(...binProblems('bins', policy.bins));
  for (const [feature, override] of Object.entries(policy.features ?? {})) {
    const where = `features.${feature}`;
    const known = override.test !== undefined && override.test in DRIFT_TESTS;
    if (override.test !== undefined && !known)
      problems.push(`${where}.test: unknown test ${String(override.test)}`);
    problems.push(
      ...thresholdProblems(`${where}.threshold`, known ? override.test : undefined, override.threshold),
    );
    problems.push(...binProblems(`${where}.bins`, override.bins));
  }
  const share = policy.driftShare;
  if (share !== undefined && !(share > 0 && share <= 1))
    problems.push(`driftShare is ${share}; expected (0, 1]`);
  if (problems.length > 0) throw new DriftInputError(`invalid drift policy: ${problems.join('; ')}`);
}

/** p-value thresholds lie in [0, 1]; distance thresholds (or a test not known yet) in [0, ∞). */
function thresholdProblems(
  where: string,
  test: DriftTestName | undefined,
  threshold: number | undefined,
): string[] {
  if (threshold === undefined) return [];
  const isPValue = test !== undefined && DRIFT_TESTS[test].score === 'p-value';
  const valid = threshold >= 0 && Number.isFinite(threshold) && (!isPValue || threshold <= 1);
  return valid ? [] : [`${where} is ${threshold}; expected a number in ${isPValue ? '[0, 1]' : '[0, ∞)'}`];
}

function binProblems(where: string, bins: BinningOptions | undefined): string[] {
  const problems: string[] = [];
  if (bins?.count !== undefined && !(Number.isSafeInteger(bins.count) && bins.count >= 1)) {
    problems.push(`${where}.count is ${bins.count}; expected a positive integer`);
  }
  if (bins?.strategy !== undefined && bins.strategy !== 'quantile' && bins.strategy !== 'equal-width') {
    problems.push(`${where}.strategy is ${String(bins.strategy)}; expected 'quantile' or 'equal-width'`);
  }
  return problems;
}

/** The binning a feature uses after applying the policy. */
export function resolveBinning(policy: DriftPolicy, feature: string): Required<BinningOptions> {
  const override = policy.features?.[feature]?.bins;
  return {
    count: override?.count ?? policy.bins?.count ?? DEFAULT_BIN_COUNT,
    strategy: override?.strategy ?? policy.bins?.strategy ?? 'quantile',
  };
}
