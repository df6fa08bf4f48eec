import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { answerUnknownMlflowRoutes } from '@flywheel/service-kit';
import { MLFLOW_API_PATH } from './mlflow-api-path';

/** Installs MLflow's answer to unknown routes on the app's Fastify instance before it listens; apps without HTTP skip it. */
@Injectable()
export class MlflowHttpSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) answerUnknownMlflowRoutes(fastify, MLFLOW_API_PATH);
  }
}
