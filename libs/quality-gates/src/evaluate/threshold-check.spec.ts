import { thresholdCheck } from './threshold-check';

describe('thresholdCheck', () => {
  it.each<[string, 'min' | 'max', number, number, boolean, string]>([
    ['above a minimum', 'min', 0.87, 0.91, true, 'auc_roc 0.91 meets the minimum 0.87'],
    ['exactly at a minimum (inclusive)', 'min', 0.87, 0.87, true, 'auc_roc 0.87 meets the minimum 0.87'],
    ['below a minimum', 'min', 0.87, 0.861, false, 'auc_roc 0.861 is below the minimum 0.87'],
    [
      'a hair below a minimum',
      'min',
      0.87,
      0.8699999999,
      false,
      'auc_roc 0.8699999999 is below the minimum 0.87',
    ],
    ['under a maximum', 'max', 50, 42, true, 'auc_roc 42 is within the maximum 50'],
    ['exactly at a maximum (inclusive)', 'max', 50, 50, true, 'auc_roc 50 is within the maximum 50'],
    ['over a maximum', 'max', 50, 62.5, false, 'auc_roc 62.5 is above the maximum 50'],
  ])('judges a value %s', (_name, gate, threshold, value, passed, explanation) => {
    expect(thresholdCheck('auc_roc', gate, threshold, { kind: 'value', value })).toEqual({
      gate,
      metric: 'auc_roc',
      outcome: passed ? 'passed' : 'failed',
      passed,
      observed: value,
      threshold,
      explanation,
    });
  });

  it('fails a missing metric and says it is missing', () => {
    expect(thresholdCheck('auc_roc', 'min', 0.87, { kind: 'missing' })).toMatchObject({
      outcome: 'failed',
      observed: null,
      explanation: 'auc_roc is missing from the candidate, so it cannot meet the minimum 0.87',
    });
  });

  it('fails a NaN metric and says it is not a number', () => {
    expect(thresholdCheck('latency_p99_ms', 'max', 50, { kind: 'invalid', shown: 'NaN' })).toMatchObject({
      outcome: 'failed',
      passed: false,
      observed: null,
      explanation: 'latency_p99_ms is NaN, not a finite number, so it cannot meet the maximum 50',
    });
  });
});
