import Fastify from 'fastify';
import { answerUnknownMlflowRoutes, endpointNotFound } from './unknown-mlflow-routes';

describe('unknown MLflow routes', () => {
  it('names the method and path, without the query, in ENDPOINT_NOT_FOUND', () => {
    expect(endpointNotFound('GET', '/api/2.0/mlflow/nope?x=1')).toEqual({
      error_code: 'ENDPOINT_NOT_FOUND',
      message: "No API found for 'GET /api/2.0/mlflow/nope'",
    });
  });

  it('answers 404 ENDPOINT_NOT_FOUND under the API path, and leaves routes and other paths to Fastify', async () => {
    const fastify = Fastify();
    answerUnknownMlflowRoutes(fastify, /^\/api\/2\.0\/mlflow(?:\/|$)/);
    fastify.get('/api/2.0/mlflow/runs/get', () => ({ run: {} }));
    const unknown = await fastify.inject({ method: 'POST', url: '/api/2.0/mlflow/runs/nope?a=1' });
    expect([unknown.statusCode, unknown.json()]).toEqual([
      404,
      endpointNotFound('POST', '/api/2.0/mlflow/runs/nope'),
    ]);
    const served = await fastify.inject({ method: 'GET', url: '/api/2.0/mlflow/runs/get' });
    expect([served.statusCode, served.json()]).toEqual([200, { run: {} }]);
    const elsewhere = await fastify.inject({ method: 'GET', url: '/nope' });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).not.toHaveProperty('error_code', 'ENDPOINT_NOT_FOUND');
    await fastify.close();
  });
});
