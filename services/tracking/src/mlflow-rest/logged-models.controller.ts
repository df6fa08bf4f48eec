import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@flywheel/access';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { LoggedModelSearchService } from '../logged-models/logged-model-search.service';
import { LoggedModelsService } from '../logged-models/logged-models.service';
import { httpActor } from './http-actor';
import { loggedModelOrderBy, loggedModelStatusOf, refuseDatasetScopes } from './logged-model-inputs';
import { loggedModelJson } from './logged-model-json';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { MlflowRequest } from './mlflow-request';

/**
 * MLflow 3 logged models under `/api/2.0/mlflow/logged-models`: what `mlflow.<flavor>.log_model`
 * creates, tags, finalizes and what `models:/<model_id>` URIs resolve through.
 */
@Controller('api/2.0/mlflow/logged-models')
@UseFilters(MlflowExceptionFilter)
export class LoggedModelsController {
  constructor(
    private readonly models: LoggedModelsService,
    private readonly search: LoggedModelSearchService,
  ) {}

  @Post()
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    const model = await this.models.create(httpActor(principal, req), {
      experimentId: request.requiredString('experiment_id'),
      name: request.optionalString('name'),
      modelType: request.optionalString('model_type'),
      sourceRunId: request.optionalString('source_run_id'),
      params: request.keyValues('params'),
      tags: request.keyValues('tags'),
    });
    return { model: loggedModelJson(model) };
  }

  @Post('search')
  @HttpCode(200)
  async searchModels(@Req() req: FastifyRequest) {
    const request = MlflowRequest.of(req);
    refuseDatasetScopes(request);
    const page = await this.search.search({
      experimentIds: request.stringList('experiment_ids'),
      filter: request.optionalString('filter'),
      orderBy: loggedModelOrderBy(request),
      pageToken: request.optionalString('page_token'),
      maxResults: request.optionalInteger('max_results') || undefined,
    });
    return {
      ...(page.items.length > 0 && { models: page.items.map(loggedModelJson) }),
      ...(page.nextPageToken && { next_page_token: page.nextPageToken }),
    };
  }

  @Get(':model_id')
  async get(@Req() req: FastifyRequest, @Param('model_id') modelId: string) {
    const allowDeleted = MlflowRequest.of(req).optionalBoolean('allow_deleted') ?? false;
    return { model: loggedModelJson(await this.models.get(modelId, allowDeleted)) };
  }

  @Patch(':model_id')
  @HttpCode(200)
  async finalize(
    @Req() req: FastifyRequest,
    @Param('model_id') modelId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const status = loggedModelStatusOf(MlflowRequest.of(req));
    return { model: loggedModelJson(await this.models.finalize(httpActor(principal, req), modelId, status)) };
  }

  @Delete(':model_id')
  @HttpCode(200)
  async delete(
    @Req() req: FastifyRequest,
    @Param('model_id') modelId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.models.delete(httpActor(principal, req), modelId);
    return {};
  }

  @Patch(':model_id/tags')
  @HttpCode(200)
  async setTags(
    @Req() req: FastifyRequest,
    @Param('model_id') modelId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const tags = MlflowRequest.of(req).keyValues('tags');
    await this.models.setTags(httpActor(principal, req), modelId, tags);
    return {};
  }

  /** The tag key is the rest of the path: the client sends keys unencoded, `/` included. */
  @Delete(':model_id/tags/*')
  @HttpCode(200)
  async deleteTag(
    @Req() req: FastifyRequest,
    @Param('model_id') modelId: string,
    @Param('*') key: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.models.deleteTag(httpActor(principal, req), modelId, key);
    return {};
  }

  @Post(':model_id/params')
  @HttpCode(200)
  async logParams(
    @Req() req: FastifyRequest,
    @Param('model_id') modelId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const params = MlflowRequest.of(req).keyValues('params');
    await this.models.logParams(httpActor(principal, req), modelId, params);
    return {};
  }
}
