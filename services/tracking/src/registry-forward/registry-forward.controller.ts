import { Controller, Delete, Get, Patch, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STREAMED_BODY } from '@flywheel/service-kit';
import { RegistryForwarder } from './registry-forwarder';

/** The MLflow model-registry routes the registry serves, under both API prefixes MLflow uses. */
export const FORWARDED_PATHS = [
  'api/2.0/mlflow/registered-models/*',
  'api/2.0/mlflow/model-versions/*',
  'api/2.0/preview/mlflow/registered-models/*',
  'api/2.0/preview/mlflow/model-versions/*',
];

/**
 * Forwards the model-registry routes to the registry service. Access is decided there (these
 * routes are `forwarded` in the policy table), with the caller's own authorization header.
 */
@Controller()
export class RegistryForwardController {
  constructor(private readonly forwarder: RegistryForwarder) {}

  @Get(FORWARDED_PATHS)
  @RouteConfig(STREAMED_BODY)
  get(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward(req, reply);
  }

  @Post(FORWARDED_PATHS)
  @RouteConfig(STREAMED_BODY)
  post(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward(req, reply);
  }

  @Patch(FORWARDED_PATHS)
  @RouteConfig(STREAMED_BODY)
  patch(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward(req, reply);
  }

  @Delete(FORWARDED_PATHS)
  @RouteConfig(STREAMED_BODY)
  delete(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward(req, reply);
  }
}
