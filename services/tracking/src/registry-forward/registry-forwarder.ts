import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type Readable, pipeline } from 'node:stream';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TrackingSettings } from '../config/tracking-settings';
import { TRACKING_SETTINGS } from '../database/tracking-settings.token';
import { endToEndHeaders } from './forwarded-headers';

/**
 * Relays a request to the registry's HTTP port as it came (method, path, query, headers with
 * the authorization, body streamed) and streams the answer back, so one MLFLOW_TRACKING_URI
 * serves the model registry too. An unreachable registry is 503 TEMPORARILY_UNAVAILABLE.
 */
@Injectable()
export class RegistryForwarder implements OnModuleDestroy {
  private readonly base: URL;
  private readonly agent: HttpAgent;

  constructor(@Inject(TRACKING_SETTINGS) settings: TrackingSettings) {
    this.base = new URL(settings.registryUrl);
    this.agent =
      this.base.protocol === 'https:'
        ? new HttpsAgent({ keepAlive: true })
        : new HttpAgent({ keepAlive: true });
  }

  forward(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const target = new URL(`${this.base.pathname.replace(/\/$/, '')}${request.url}`, this.base);
    const send = this.base.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const upstream = send(target, {
        method: request.method,
        headers: endToEndHeaders(request.headers),
        agent: this.agent,
      });
      upstream.on('response', (response: IncomingMessage) => {
        void reply
          .status(response.statusCode ?? 502)
          .headers(endToEndHeaders(response.headers))
          .send(response);
        resolve();
      });
      upstream.on('error', (error) => {
        if (!reply.sent) {
          void reply
            .status(503)
            .type('application/json')
            .send({
              error_code: 'TEMPORARILY_UNAVAILABLE',
              message: `the model registry at ${this.base.origin} is unreachable: ${error.message}`,
            });
        }
        resolve();
      });
      const body = request.body as Readable | undefined;
      // Failures on either side surface as the upstream's 'error' above.
      if (body && typeof body.pipe === 'function') pipeline(body, upstream, () => undefined);
      else upstream.end();
    });
  }

  onModuleDestroy(): void {
    this.agent.destroy();
  }
}
