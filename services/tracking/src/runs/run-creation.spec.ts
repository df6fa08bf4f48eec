import { initialNameAndTags } from './run-creation';

describe('initialNameAndTags', () => {
  const base = { userId: 'alice', tags: [] };

  it('keeps the given name and records it in the mlflow.runName tag', () => {
    expect(initialNameAndTags({ ...base, runName: 'xgb-1' })).toEqual({
      runName: 'xgb-1',
      tags: [{ key: 'mlflow.runName', value: 'xgb-1' }],
    });
  });

  it('takes the name from the mlflow.runName tag when no name is given', () => {
    const tags = [{ key: 'mlflow.runName', value: 'from-tag' }];
    expect(initialNameAndTags({ ...base, tags })).toEqual({ runName: 'from-tag', tags });
  });

  it('generates an adjective-noun-number name when neither is given', () => {
    expect(initialNameAndTags(base).runName).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
  });

  it('refuses a name that contradicts the mlflow.runName tag, naming both', () => {
    expect(() =>
      initialNameAndTags({ ...base, runName: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] }),
    ).toThrow("different values (run_name='a', mlflow.runName='b')");
  });

  it('refuses a tag key that would resolve to another name', () => {
    expect(() => initialNameAndTags({ ...base, tags: [{ key: 'a/../b', value: 'x' }] })).toThrow(
      'Invalid value "a/../b" for parameter \'tags[0].key\' supplied',
    );
  });
});
