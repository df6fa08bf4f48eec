import { MetricDirection } from '../config/gate-config';
import { DeltaInputs, deltaCheck } from './delta-check';
import { MetricReading } from './snapshot';

const value = (v: number): MetricReading => ({ kind: 'value', value: v });
const gate = (direction: MetricDirection, minDeltaVsChampion: number, metric = 'auc_roc') => ({
  metric,
  direction,
  minDeltaVsChampion,
});
const inputs = (
  candidate: MetricReading,
  champion: MetricReading | undefined,
  onMissingChampion: 'skip' | 'fail' = 'skip',
): DeltaInputs => ({
  candidate,
  champion,
  onMissingChampion,
});

describe('deltaCheck', () => {
  it.each<[string, MetricDirection, number, number, number, boolean, number, string]>([
    [
      'an improvement above the requirement',
      'higher_is_better',
      0.005,
      0.87,
      0.876,
      true,
      0.006,
      'auc_roc improved by 0.006 (champion 0.87, candidate 0.876), meeting the required improvement of at least 0.005 over the champion',
    ],
    [
      'an improvement below the requirement',
      'higher_is_better',
      0.005,
      0.87,
      0.873,
      false,
      0.003,
      'auc_roc improved by 0.003 (champion 0.87, candidate 0.873), short of the required improvement of at least 0.005 over the champion',
    ],
    [
      'a regression when improvement is required',
      'higher_is_better',
      0.005,
      0.87,
      0.866,
      false,
      -0.004,
      'auc_roc regressed by 0.004 (champion 0.87, candidate 0.866), short of the required improvement of at least 0.005 over the champion',
    ],
    [
      'an unchanged metric under a no-regression gate',
      'higher_is_better',
      0,
      0.87,
      0.87,
      true,
      0,
      'auc_roc is unchanged (champion 0.87, candidate 0.87), meeting the requirement of no regression against the champion',
    ],
    [
      'a regression within a non-inferiority margin',
      'higher_is_better',
      -0.002,
      0.87,
      0.869,
      true,
      -0.001,
      'auc_roc regressed by 0.001 (champion 0.87, candidate 0.869), meeting the allowed regression of at most 0.002 against the champion',
    ],
    [
      'a regression beyond a non-inferiority margin',
      'higher_is_better',
      -0.002,
      0.87,
      0.865,
      false,
      -0.005,
      'auc_roc regressed by 0.005 (champion 0.87, candidate 0.865), beyond the allowed regression of at most 0.002 against the champion',
    ],
    [
      'a lower-is-better metric that went down (an improvement)',
      'lower_is_better',
      2,
      45,
      42,
      true,
      3,
      'auc_roc improved by 3 (champion 45, candidate 42), meeting the required improvement of at least 2 over the champion',
    ],
    [
      'a lower-is-better metric that went up (a regression)',
      'lower_is_better',
      0,
      45,
      47,
      false,
      -2,
      'auc_roc regressed by 2 (champion 45, candidate 47), short of the requirement of no regression against the champion',
    ],
  ])('judges %s', (_name, direction, threshold, champion, candidate, passed, improvement, explanation) => {
    const check = deltaCheck(gate(direction, threshold), inputs(value(candidate), value(champion)));
    expect(check).toMatchObject({
      gate: 'min_delta_vs_champion',
      metric: 'auc_roc',
      direction,
      outcome: passed ? 'passed' : 'failed',
      passed,
      threshold,
      candidateValue: candidate,
      championValue: champion,
      explanation,
    });
    expect(check.observed).toBeCloseTo(improvement, 12);
  });

  it('passes an improvement equal to the requirement despite float rounding (0.7 − 0.6 < 0.1 in binary)', () => {
    expect(0.7 - 0.6 < 0.1).toBe(true);
    expect(deltaCheck(gate('higher_is_better', 0.1), inputs(value(0.7), value(0.6))).passed).toBe(true);
    expect(deltaCheck(gate('lower_is_better', 0.1), inputs(value(0.6), value(0.7))).passed).toBe(true);
  });

  it('skips the gate when there is no champion and the policy is skip', () => {
    expect(deltaCheck(gate('higher_is_better', 0.005), inputs(value(0.9), undefined, 'skip'))).toMatchObject({
      outcome: 'skipped',
      passed: true,
      observed: null,
      championValue: null,
      explanation:
        'there is no champion to compare with, so the required improvement of at least 0.005 over the champion was skipped (on_missing_champion: skip)',
    });
  });

  it('fails the gate when there is no champion and the policy is fail', () => {
    expect(deltaCheck(gate('higher_is_better', 0.005), inputs(value(0.9), undefined, 'fail'))).toMatchObject({
      outcome: 'failed',
      passed: false,
      explanation:
        'there is no champion to compare with, so the required improvement of at least 0.005 over the champion fails (on_missing_champion: fail)',
    });
  });

  it('applies the same policy when the champion lacks the metric', () => {
    expect(
      deltaCheck(gate('higher_is_better', 0), inputs(value(0.9), { kind: 'missing' }, 'skip')),
    ).toMatchObject({
      outcome: 'skipped',
      explanation:
        'the champion has no auc_roc value, so the requirement of no regression against the champion was skipped (on_missing_champion: skip)',
    });
  });

  it('fails when the champion value is NaN, whatever the policy', () => {
    expect(
      deltaCheck(gate('higher_is_better', 0), inputs(value(0.9), { kind: 'invalid', shown: 'NaN' }, 'skip')),
    ).toMatchObject({
      outcome: 'failed',
      explanation:
        "the champion's auc_roc is NaN, so the requirement of no regression against the champion cannot be checked",
    });
  });

  it.each<[string, MetricReading, string]>([
    [
      'missing',
      { kind: 'missing' },
      'auc_roc is missing from the candidate, so the requirement of no regression against the champion cannot be checked',
    ],
    [
      'NaN',
      { kind: 'invalid', shown: 'NaN' },
      'auc_roc is NaN in the candidate, so the requirement of no regression against the champion cannot be checked',
    ],
  ])('fails a %s candidate value even without a champion', (_name, candidate, explanation) => {
    expect(deltaCheck(gate('higher_is_better', 0), inputs(candidate, undefined, 'skip'))).toMatchObject({
      outcome: 'failed',
      observed: null,
      candidateValue: null,
      explanation,
    });
  });
});
