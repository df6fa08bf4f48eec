import { MLFLOW_API_PATH } from './mlflow-api-path';

const isMlflowApiPath = (path: string): boolean => MLFLOW_API_PATH.test(path);

describe('the MLflow API path', () => {
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
});
