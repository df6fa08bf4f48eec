import { parseSourceUri } from './source-uri';

describe('parseSourceUri', () => {
  it.each([
    ['mlflow-artifacts:/1/abc/artifacts/model', { kind: 'mlflow-artifacts', path: '1/abc/artifacts/model' }],
    ['mlflow-artifacts://tracking:5000/1/abc/artifacts', { kind: 'mlflow-artifacts', path: '1/abc/artifacts' }],
    ['runs:/abc123/model', { kind: 'run', runId: 'abc123', path: 'model' }],
    ['runs:/abc123', { kind: 'run', runId: 'abc123', path: '' }],
    ['models:/m-0123abcd', { kind: 'logged-model', modelId: 'm-0123abcd' }],
    ['models:/fraud/3', { kind: 'registered-version', name: 'fraud', version: 3 }],
    ['s3://bucket/prefix/model', { kind: 'storage', uri: 's3://bucket/prefix/model' }],
    ['file:///data/model', { kind: 'storage', uri: 'file:///data/model' }],
  ])('classifies %s', (source, expected) => {
    expect(parseSourceUri(source)).toEqual(expected);
  });

  it.each(['', 'http://169.254.169.254/x', '/tmp/model', 'gs://b/m', 'runs:/bad id/x', 'models:/fraud', 'mlflow-artifacts:/'])('refuses %j with a source: error', (source) => {
    expect(() => parseSourceUri(source)).toThrow(/^source: /);
  });
});
