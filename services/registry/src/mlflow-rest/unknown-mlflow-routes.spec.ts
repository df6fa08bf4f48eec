import { endpointNotFound, isMlflowApiPath } from './unknown-mlflow-routes';

describe('unknown MLflow routes', () => {
  it.each(['/api/2.0/mlflow/registered-models/nope', '/api/2.0/preview/mlflow/x?y=1', '/api/2.0/mlflow'])(
    'treats %j as an MLflow API path',
    (path) => {
      expect(isMlflowApiPath(path)).toBe(true);
    },
  );

  it.each(['/', '/api/2.0/mlflowx/a', '/api/2.1/mlflow/a', '/registry'])('leaves %j to the default answer', (path) => {
    expect(isMlflowApiPath(path)).toBe(false);
  });

  it('names the method and path, without the query, in ENDPOINT_NOT_FOUND', () => {
    expect(endpointNotFound('POST', '/api/2.0/mlflow/nope?x=1')).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: "No API found for 'POST /api/2.0/mlflow/nope'",
    });
  });
});
