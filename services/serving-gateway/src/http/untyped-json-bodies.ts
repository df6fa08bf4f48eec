import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Reads request bodies without a JSON content type as JSON: the tritonclient (and curl users)
 * post inference requests with no `content-type` at all, which Fastify would refuse with 415.
 * A body that is not JSON reaches the handler as null and is refused there with 400.
 */
@Injectable()
export class UntypedJsonBodies implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string) as unknown);
      } catch {
        done(null, null);
      }
    });
  }
}
