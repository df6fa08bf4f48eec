import { sampleFromValues } from '../sample/weighted-sample';
import { datasetDrift, evaluateDatasetDrift } from './dataset-drift';

describe('dataset drift', () => {
  it('drifts when at least half of the features drift (Evidently default)', () => {
    expect(datasetDrift([{ drifted: true }, { drifted: false }])).toMatchObject({
      share: 0.5,
      drifted: true,
    });
    expect(datasetDrift([{ drifted: true }, { drifted: false }, { drifted: false }]).drifted).toBe(false);
  });

  it('honours a custom drift share', () => {
    expect(datasetDrift([{ drifted: true }, { drifted: false }], 0.75).drifted).toBe(false);
  });

  it('refuses an empty feature list and a share outside (0, 1]', () => {
    expect(() => datasetDrift([])).toThrow('dataset drift needs at least one feature result');
    expect(() => datasetDrift([{ drifted: true }], 1.5)).toThrow('driftShare is 1.5');
  });

  it('evaluates every feature under the policy and reports each one', () => {
    const stable = sampleFromValues(Array.from({ length: 300 }, (_, i) => i));
    const moved = sampleFromValues(Array.from({ length: 300 }, (_, i) => i + 200));
    const report = evaluateDatasetDrift(
      [
        { name: 'a', kind: 'numeric', reference: stable, current: moved },
        { name: 'b', kind: 'numeric', reference: stable, current: stable },
        { name: 'c', kind: 'categorical', reference: { x: 10, y: 10 }, current: { x: 10, y: 11 } },
      ],
      { driftShare: 0.3 },
    );
    expect(report.features.map((feature) => [feature.feature, feature.drifted])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
    expect(report).toMatchObject({ driftedFeatures: 1, totalFeatures: 3, driftShare: 0.3, drifted: true });
  });

  it('rejects a feature listed twice', () => {
    const sample = sampleFromValues([1, 2, 3]);
    const input = { name: 'a', kind: 'numeric', reference: sample, current: sample } as const;
    expect(() => evaluateDatasetDrift([input, input])).toThrow('feature "a" appears more than once');
  });
});
