import { Readable } from 'node:stream';
import { Controller, Delete, Get, HttpCode, Put, Req, Res, UseFilters } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@flywheel/access';
import { CurrentPrincipal, STREAMED_BODY } from '@flywheel/service-kit';
import { ArtifactsService } from '../artifacts/artifacts.service';
import { httpActor } from './http-actor';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { fileInfoJson, nonEmpty } from './mlflow-json';
import { MlflowRequest } from './mlflow-request';

/**
 * MLflow's artifact proxy, `/api/2.0/mlflow-artifacts/artifacts`: what `mlflow.log_artifact`
 * and downloads of `mlflow-artifacts:/` URIs call. Bodies stream in and out; nothing is held
 * in memory whole.
 */
@Controller('api/2.0/mlflow-artifacts/artifacts')
@UseFilters(MlflowExceptionFilter)
export class MlflowArtifactsController {
  constructor(private readonly artifacts: ArtifactsService) {}

  @Put('*')
  @RouteConfig(STREAMED_BODY)
  @HttpCode(200)
  async upload(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const body = req.body instanceof Readable ? req.body : Readable.from([]);
    const contentType = req.headers['content-type'];
    await this.artifacts.upload(httpActor(principal, req), wildcardPath(req), body, contentType);
    return {};
  }

  /**
   * Answers once the artifact is found; the bytes then stream on their own, so a large file is
   * not cut by the handler deadline, which bounds finding it, not sending it.
   */
  @Get('*')
  async download(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.artifacts.download(wildcardPath(req));
    void reply.type('application/octet-stream').send(stream);
  }

  @Get()
  async list(@Req() req: FastifyRequest) {
    const files = await this.artifacts.list(MlflowRequest.of(req).optionalString('path') ?? '');
    return { ...nonEmpty('files', files.map(fileInfoJson)) };
  }

  @Delete('*')
  @HttpCode(200)
  async delete(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    await this.artifacts.delete(httpActor(principal, req), wildcardPath(req));
    return {};
  }
}

/** The artifact path after `/artifacts/`, decoded (Fastify's wildcard parameter). */
function wildcardPath(req: FastifyRequest): string {
  return (req.params as Record<string, string | undefined>)['*'] ?? '';
}
