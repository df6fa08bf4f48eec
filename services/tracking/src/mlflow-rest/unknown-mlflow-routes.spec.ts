import { endpointNotFound, isMlflowApiPath } from './unknown-mlflow-routes';

describe('unknown MLflow routes', () => {
  it.each([
    '/api/2.0/mlflow/runs/nope',
    '/api/2.0/preview/mlflow/x',
    '/api/2.0/mlflow-artifacts/nope',
    '/ajax-api/2.0/mlflow/runs/get',
    '/api/2.0/mlflow',
  ])('treats %j as an MLflow API path', (path) => {
    expect(isMlflowApiPath(path)).toBe(true);
  });

  it.each(['/', '/healthz', '/api/2.0/mlflowx/runs', '/api/2.1/mlflow/runs', '/ajax-apis/x'])(
    'leaves %j to the default answer',
    (path) => {
      expect(isMlflowApiPath(path)).toBe(false);
    },
  );

  it('names the method and path, without the query, in ENDPOINT_NOT_FOUND', () => {
    expect(endpointNotFound('GET', '/api/2.0/mlflow/nope?x=1')).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: "No API found for 'GET /api/2.0/mlflow/nope'",
    });
  });
});
