import { Transform, type TransformCallback } from 'node:stream';
import { HttpStatus } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, RequestPayload } from 'fastify';
import { servedHttpRouteId } from './auth-route-id';
import { kitHttpError } from './http-error';
import { httpsServerOptions, type ServerTls } from './tls-credentials';

/**
 * Route config (`@RouteConfig(STREAMED_BODY)` from `@nestjs/platform-fastify`) of routes that
 * stream their request body somewhere instead of buffering it (artifact uploads, forwarding
 * proxies): the body limit does not apply to them, since it protects memory they do not use.
 */
export const STREAMED_BODY = Object.freeze({ streamedBody: true });

/** True for a Fastify request whose route is configured with `STREAMED_BODY`. */
export function isStreamedBodyRoute(request: { routeOptions?: { config?: unknown } }): boolean {
  const config = request.routeOptions?.config as Partial<typeof STREAMED_BODY> | undefined;
  return config?.streamedBody === true;
}

/** How a service's HTTP port listens and what it accepts. */
export interface HttpTransportSettings {
  tls?: ServerTls;
  maxRequestBytes: number;
}

/**
 * The Fastify adapter of a service's HTTP port: https when TLS is configured, and the body
 * limit. Receiving a request keeps Node's own bounds (headers 60 s, whole request 300 s), which
 * streamed uploads of large artifacts need; handlers get the kit's deadline instead.
 */
export function fastifyAdapterFor(settings: HttpTransportSettings) {
  const options = {
    bodyLimit: settings.maxRequestBytes,
    ...(settings.tls && { https: httpsServerOptions(settings.tls) }),
  };
  return new FastifyAdapter(options as ConstructorParameters<typeof FastifyAdapter>[0]);
}

/**
 * Refuses request bodies above `maxBytes` with 413 and the kit's JSON error body, whether the
 * size is declared (`content-length`, refused before reading) or only found while streaming
 * (chunked bodies are cut at the limit). Fastify's own `bodyLimit` backs this up. Routes
 * configured with `STREAMED_BODY` are exempt.
 */
export function limitRequestBodies(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if (isStreamedBodyRoute(request)) return done(null, payload);
    const declared = Number(request.headers['content-length']);
    if (declared > maxBytes) return done(tooLarge(maxBytes));
    done(null, Number.isNaN(declared) ? capped(payload, maxBytes) : payload);
  });
}

/** Every route the app registers, as route ids (`http:POST /api/...`), filled in as Nest registers them. */
export function collectHttpRoutes(fastify: FastifyInstance): ReadonlySet<string> {
  const routes = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.add(servedHttpRouteId(method, route.url));
  });
  return routes;
}

function capped(payload: RequestPayload, maxBytes: number): RequestPayload {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      received += chunk.length;
      if (received > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
  payload.on('error', (error: Error) => counter.destroy(error));
  return payload.pipe(counter);
}

// Fastify reads `statusCode` from stream errors; Nest renders the HttpException body.
function tooLarge(maxBytes: number): Error {
  const error = kitHttpError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'REQUEST_LIMIT_EXCEEDED',
    `request body exceeds ${maxBytes} bytes (FLYWHEEL_MAX_REQUEST_BYTES)`,
  );
  return Object.assign(error, { statusCode: HttpStatus.PAYLOAD_TOO_LARGE });
}
