import { GateInputError } from '../errors';
import { assertSnapshotShape, readMetric } from './snapshot';

describe('readMetric', () => {
  it.each<[string, unknown, unknown]>([
    ['a finite number', 0.9, { kind: 'value', value: 0.9 }],
    ['zero', 0, { kind: 'value', value: 0 }],
    ['undefined', undefined, { kind: 'missing' }],
    ['null (JSON for "not measured")', null, { kind: 'missing' }],
    ['NaN', Number.NaN, { kind: 'invalid', shown: 'NaN' }],
    ['Infinity', Number.POSITIVE_INFINITY, { kind: 'invalid', shown: 'Infinity' }],
    ['a numeric string', '0.9', { kind: 'invalid', shown: '"0.9" (not a number)' }],
  ])('classifies %s', (_name, raw, expected) => {
    expect(readMetric({ metrics: { m: raw as number } }, 'm')).toEqual(expected);
  });

  it('reads latency_<key> from the latency section', () => {
    expect(readMetric({ metrics: {}, latency: { p99_ms: 48 } }, 'latency_p99_ms')).toEqual({
      kind: 'value',
      value: 48,
    });
  });

  it('accepts the same latency in both places when the values agree', () => {
    expect(
      readMetric({ metrics: { latency_p99_ms: 48 }, latency: { p99_ms: 48 } }, 'latency_p99_ms'),
    ).toEqual({
      kind: 'value',
      value: 48,
    });
  });

  it('refuses a latency given twice with different values', () => {
    expect(() =>
      readMetric({ metrics: { latency_p99_ms: 48 }, latency: { p99_ms: 52 } }, 'latency_p99_ms'),
    ).toThrow('latency_p99_ms is given twice with different values: 48 in metrics and 52 in latency');
  });
});

describe('assertSnapshotShape', () => {
  it.each<[string, unknown, string]>([
    ['not an object', 42, 'the candidate must be an object with a metrics object'],
    ['missing metrics', { latency: {} }, 'the candidate must be an object with a metrics object'],
    [
      'slices that are a list',
      { metrics: {}, slices: [] },
      "the candidate's slices must be an object when given",
    ],
    [
      'a slice that is not an object',
      { metrics: {}, slices: { eu: 0.9 } },
      "the candidate's slice 'eu' must be an object of metrics",
    ],
  ])('rejects a snapshot that is %s', (_name, snapshot, message) => {
    expect(() => assertSnapshotShape(snapshot, 'candidate')).toThrow(new GateInputError(message));
  });

  it('accepts metrics, slices and latency objects', () => {
    expect(() =>
      assertSnapshotShape({ metrics: {}, slices: { eu: {} }, latency: {} }, 'champion'),
    ).not.toThrow();
  });
});
