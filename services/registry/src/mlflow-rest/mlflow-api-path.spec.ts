import { MLFLOW_API_PATH } from './mlflow-api-path';

const isMlflowApiPath = (path: string): boolean => MLFLOW_API_PATH.test(path);

describe('the MLflow API path', () => {
  it.each(['/api/2.0/mlflow/registered-models/nope', '/api/2.0/preview/mlflow/x?y=1', '/api/2.0/mlflow'])(
    'treats %j as an MLflow API path',
    (path) => {
      expect(isMlflowApiPath(path)).toBe(true);
    },
  );

  it.each(['/', '/api/2.0/mlflowx/a', '/api/2.1/mlflow/a', '/registry'])(
    'leaves %j to the default answer',
    (path) => {
      expect(isMlflowApiPath(path)).toBe(false);
    },
  );
});
