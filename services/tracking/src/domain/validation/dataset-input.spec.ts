import { validateDatasetInputs } from './dataset-input';

const input = (
  dataset: Partial<Record<'name' | 'digest' | 'sourceType' | 'source', string>> = {},
  tags = [{ key: 'mlflow.data.context', value: 'train' }],
) => ({
  dataset: {
    name: 'train',
    digest: 'abc',
    sourceType: 'local',
    source: '{}',
    schema: null,
    profile: null,
    ...dataset,
  },
  tags,
});

describe('validateDatasetInputs', () => {
  it('accepts complete inputs', () => {
    expect(() => validateDatasetInputs([input()])).not.toThrow();
  });

  it('names a missing required dataset field by its path', () => {
    expect(() => validateDatasetInputs([input(), input({ sourceType: '' })])).toThrow(
      "Missing value for required parameter 'datasets[1].dataset.source_type'.",
    );
  });

  it('refuses a digest longer than MLflow stores', () => {
    expect(() => validateDatasetInputs([input({ digest: 'd'.repeat(37) })])).toThrow(
      "'datasets[0].dataset.digest' exceeds the maximum length of 36 characters",
    );
  });

  it('refuses an input tag value over 500 characters', () => {
    expect(() => validateDatasetInputs([input({}, [{ key: 'k', value: 'v'.repeat(501) }])])).toThrow(
      "'datasets[0].tags[0].value' exceeds the maximum length of 500 characters",
    );
  });
});
