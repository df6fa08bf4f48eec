import { startTracking, type TrackingUnderTest } from './tracking-harness';

describe('routes the tracking HTTP port does not have', () => {
  let tracking: TrackingUnderTest;

  beforeAll(async () => {
    tracking = await startTracking();
  });
  afterAll(() => tracking.stop());

  it.each([
    ['GET', '/api/2.0/mlflow/runs/no-such-endpoint'],
    ['POST', '/api/2.0/preview/mlflow/experiments/no-such-endpoint'],
    ['GET', '/api/2.0/mlflow-artifacts/no-such-endpoint'],
    ['GET', '/ajax-api/2.0/mlflow/runs/get'],
  ])('answers %s %s with 404 and MLflow ENDPOINT_NOT_FOUND', async (method, path) => {
    const response = await fetch(`${tracking.httpUrl}${path}?x=1`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: `No API found for '${method} ${path}'`,
    });
  });

  it('keeps answering paths outside the MLflow API with the default 404', async () => {
    const response = await fetch(`${tracking.httpUrl}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });

  it('still serves the routes it has', async () => {
    const response = await fetch(`${tracking.httpUrl}/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default`);
    expect(response.status).toBe(200);
  });
});
