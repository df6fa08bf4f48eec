import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installMlflowBodyParser } from './request-body';
import { answerUnknownMlflowRoutes } from '@flywheel/service-kit';
import { MLFLOW_API_PATH } from './mlflow-api-path';

/**
 * Installs the MLflow body parser and MLflow's answer to unknown routes on the app's Fastify
 * instance once Nest has registered its own parsers (at init, before this hook) and before the
 * server listens. Apps without HTTP skip it.
 */
@Injectable()
export class MlflowHttpSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    installMlflowBodyParser(fastify);
    answerUnknownMlflowRoutes(fastify, MLFLOW_API_PATH);
  }
}
