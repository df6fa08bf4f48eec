import { sliceDisparityCheck } from './slice-disparity-check';
import { EvaluationSnapshot } from './snapshot';

const GATE = { metric: 'auc_roc', maxDisparity: 0.05 };
const withSlices = (slices: EvaluationSnapshot['slices']): EvaluationSnapshot => ({ metrics: {}, slices });

describe('sliceDisparityCheck', () => {
  it('passes a spread within the limit and names the highest and lowest slice', () => {
    expect(
      sliceDisparityCheck(
        GATE,
        withSlices({ eu: { auc_roc: 0.9 }, us: { auc_roc: 0.88 }, apac: { auc_roc: 0.87 } }),
      ),
    ).toEqual({
      gate: 'max_slice_disparity',
      metric: 'auc_roc',
      outcome: 'passed',
      passed: true,
      observed: expect.closeTo(0.03, 12),
      threshold: 0.05,
      sliceCount: 3,
      highest: { slice: 'eu', value: 0.9 },
      lowest: { slice: 'apac', value: 0.87 },
      explanation:
        "auc_roc varies by 0.03 across 3 slices (highest 'eu' 0.9, lowest 'apac' 0.87), within the maximum disparity 0.05",
    });
  });

  it('fails a spread above the limit', () => {
    expect(
      sliceDisparityCheck(
        GATE,
        withSlices({ age_18_25: { auc_roc: 0.91 }, age_65_plus: { auc_roc: 0.848 } }),
      ),
    ).toMatchObject({
      outcome: 'failed',
      explanation:
        "auc_roc varies by 0.062 across 2 slices (highest 'age_18_25' 0.91, lowest 'age_65_plus' 0.848), above the maximum disparity 0.05",
    });
  });

  it('passes a spread exactly at the limit despite float rounding (0.875 − 0.87 > 0.005 in binary)', () => {
    expect(0.875 - 0.87 > 0.005).toBe(true);
    const gate = { metric: 'auc_roc', maxDisparity: 0.005 };
    expect(
      sliceDisparityCheck(gate, withSlices({ a: { auc_roc: 0.875 }, b: { auc_roc: 0.87 } })).passed,
    ).toBe(true);
  });

  it('passes a single slice with disparity 0 and says so', () => {
    expect(sliceDisparityCheck(GATE, withSlices({ all: { auc_roc: 0.9 } }))).toMatchObject({
      outcome: 'passed',
      observed: 0,
      explanation:
        "auc_roc has a single slice ('all' 0.9), so its disparity is 0, within the maximum disparity 0.05",
    });
  });

  it.each<[string, EvaluationSnapshot]>([
    ['absent', { metrics: {} }],
    ['empty', withSlices({})],
  ])('fails when slices are %s', (_name, candidate) => {
    expect(sliceDisparityCheck(GATE, candidate)).toMatchObject({
      outcome: 'failed',
      observed: null,
      sliceCount: 0,
      explanation:
        'the candidate has no evaluation slices, so the disparity of auc_roc against the maximum disparity 0.05 cannot be checked',
    });
  });

  it('fails naming every slice where the metric is missing or not a number', () => {
    expect(
      sliceDisparityCheck(
        GATE,
        withSlices({ eu: { auc_roc: 0.9 }, us: { recall: 0.5 }, apac: { auc_roc: Number.NaN } }),
      ),
    ).toMatchObject({
      outcome: 'failed',
      observed: null,
      explanation:
        "auc_roc is not a finite number in slices 'us' (missing), 'apac' (NaN), so its disparity against the maximum disparity 0.05 cannot be checked",
    });
  });
});

describe('sliceDisparityCheck tolerance', () => {
  it('still fails a spread that exceeds the limit by more than rounding (1e-7)', () => {
    const gate = { metric: 'auc_roc', maxDisparity: 0.05 };
    expect(
      sliceDisparityCheck(gate, withSlices({ a: { auc_roc: 0.9500001 }, b: { auc_roc: 0.9 } })).passed,
    ).toBe(false);
  });
});
