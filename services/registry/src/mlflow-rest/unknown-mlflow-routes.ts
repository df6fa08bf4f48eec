import type { FastifyInstance } from 'fastify';

// The MLflow prefixes this port serves (MLFLOW_PREFIXES), matched at a `/` boundary.
const MLFLOW_API_PATH = /^\/api\/2\.0\/(?:preview\/)?mlflow(?:\/|$)/;

/** True when `url` (path and query) is under one of MLflow's REST prefixes served here. */
export function isMlflowApiPath(url: string): boolean {
  return MLFLOW_API_PATH.test(url);
}

/** The answer to a route MLflow does not have, as MLflow clients expect it. */
export function endpointNotFound(method: string, url: string): { error_code: string; message: string } {
  const path = url.split('?', 1)[0] ?? url;
  return { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${method} ${path}'` };
}

/**
 * Answers requests to no route under an MLflow prefix with 404 and MLflow's
 * `{"error_code": "ENDPOINT_NOT_FOUND", ...}` instead of Nest's default body; other unknown
 * paths keep Nest's answer. Unknown routes never reach the auth guard (there is no handler to
 * guard), so every one answers the same whoever asks, as before.
 */
export function answerUnknownMlflowRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || !isMlflowApiPath(request.url)) return done();
    void reply.code(404).type('application/json').send(endpointNotFound(request.method, request.url));
  });
}
