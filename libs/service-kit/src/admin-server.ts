import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROMETHEUS_CONTENT_TYPE } from '@flywheel/telemetry';
import { hostPort } from './served-address';
import type { ServiceHealth } from './service-health';

export interface AdminServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  services: readonly ServiceHealth[];
  renderMetrics: () => Promise<string>;
}

export interface AdminServer {
  /** `http://host:port` actually bound. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The process's one admin HTTP server: `/healthz` (the process is alive), `/readyz` (200 only
 * when every service of the process is ready; the JSON body lists each service and its
 * dependencies) and `/metrics` (Prometheus text format).
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const server = createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      respond(response, 500, 'text/plain; charset=utf-8', `admin: ${String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostPort(options.host, port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: AdminServerOptions,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    respond(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  const path = new URL(request.url ?? '/', 'http://admin').pathname;
  switch (path) {
    case '/healthz':
      respond(response, 200, 'application/json', JSON.stringify({ status: 'alive' }));
      return;
    case '/readyz': {
      const services = await Promise.all(options.services.map((service) => service.readiness()));
      const ready = services.every((service) => service.ready);
      respond(response, ready ? 200 : 503, 'application/json', JSON.stringify({ ready, services }));
      return;
    }
    case '/metrics':
      respond(response, 200, PROMETHEUS_CONTENT_TYPE, await options.renderMetrics());
      return;
    default:
      respond(response, 404, 'text/plain; charset=utf-8', 'not found: try /healthz, /readyz or /metrics\n');
  }
}

function respond(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
