import type { ExecutionContext } from '@nestjs/common';
import { grpcRouteId, httpRouteId } from '@flywheel/access';
import { type GuardedTransport, grpcCallOf } from './auth-transport';

interface HttpRequestLike {
  method?: string;
  /** Fastify: the route as registered, e.g. `/api/2.0/mlflow/runs/get`. */
  routeOptions?: { url?: string };
  /** Express: the matched route and the router's mount path. */
  route?: { path?: unknown };
  baseUrl?: string;
}

/**
 * The policy-table key of the handler being called: `grpc:/<package.Service>/<Method>` or
 * `http:<METHOD> <registered pattern>`. The pattern, never the request URL, so path
 * parameters and query strings cannot dodge an entry. Undefined when it cannot be told.
 */
export function routeIdOf(context: ExecutionContext, transport: GuardedTransport): string | undefined {
  switch (transport) {
    case 'grpc': {
      const path = grpcCallOf(context)?.getPath();
      return path ? grpcRouteId(path) : undefined;
    }
    case 'http': {
      const request = context.switchToHttp().getRequest<HttpRequestLike>();
      const pattern = registeredPattern(request);
      return request.method && pattern ? servedHttpRouteId(request.method, pattern) : undefined;
    }
  }
}

/**
 * The route id of an HTTP method and registered pattern. HEAD is GET without a body (Fastify
 * answers it from the GET handler), so it shares the GET route's entry.
 */
export function servedHttpRouteId(method: string, pattern: string): string {
  return httpRouteId(method.toUpperCase() === 'HEAD' ? 'GET' : method, pattern);
}

function registeredPattern(request: HttpRequestLike): string | undefined {
  if (typeof request.routeOptions?.url === 'string') return request.routeOptions.url;
  if (typeof request.route?.path === 'string') return `${request.baseUrl ?? ''}${request.route.path}`;
  return undefined;
}
