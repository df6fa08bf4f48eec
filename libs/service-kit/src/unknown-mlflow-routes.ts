import type { FastifyInstance } from 'fastify';

/** MLflow's answer to a route it does not have. */
export interface EndpointNotFoundBody {
  error_code: 'ENDPOINT_NOT_FOUND';
  message: string;
}

/** The answer to `method url` when no route serves it, as MLflow clients expect it (no query string). */
export function endpointNotFound(method: string, url: string): EndpointNotFoundBody {
  const path = url.split('?', 1)[0] ?? url;
  return { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${method} ${path}'` };
}

/**
 * Answers requests to no route whose path matches `apiPath` (the MLflow prefixes a port serves)
 * with 404 and MLflow's `{"error_code": "ENDPOINT_NOT_FOUND", ...}` instead of Nest's default
 * body; other unknown paths keep Nest's answer. Unknown routes never reach the auth guard (there
 * is no handler to guard), so every one answers the same whoever asks. Install it before the
 * server listens (an `onModuleInit` with the app's Fastify instance).
 */
export function answerUnknownMlflowRoutes(fastify: FastifyInstance, apiPath: RegExp): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || !apiPath.test(request.url)) return done();
    void reply.code(404).type('application/json').send(endpointNotFound(request.method, request.url));
  });
}
