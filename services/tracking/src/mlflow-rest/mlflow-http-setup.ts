import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installMlflowBodyParser } from './request-body';

/**
 * Installs the MLflow body parser on the app's Fastify instance once Nest has registered its
 * own (at init, before this hook) and before the server listens. Apps without HTTP skip it.
 */
@Injectable()
export class MlflowHttpSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) installMlflowBodyParser(fastify);
  }
}
