import { Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@flywheel/access';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { ExperimentSearchService } from '../experiments/experiment-search.service';
import { ExperimentsService } from '../experiments/experiments.service';
import { httpActor } from './http-actor';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { viewTypeOf } from './mlflow-inputs';
import { MlflowError } from './mlflow-error';
import { experimentJson } from './mlflow-json';
import { MlflowRequest } from './mlflow-request';

/** MLflow REST API 2.0: `/api/2.0/mlflow/experiments/*`. */
@Controller('api/2.0/mlflow/experiments')
@UseFilters(MlflowExceptionFilter)
export class ExperimentsController {
  constructor(
    private readonly experiments: ExperimentsService,
    private readonly search: ExperimentSearchService,
  ) {}

  @Post('create')
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    if (request.optionalString('artifact_location')) {
      throw new MlflowError(
        'INVALID_PARAMETER_VALUE',
        "artifact_location is not supported: this server keeps each experiment's artifacts at mlflow-artifacts:/<experiment_id>",
      );
    }
    const experiment = await this.experiments.create(
      httpActor(principal, req),
      request.requiredString('name'),
      request.keyValues('tags'),
    );
    return { experiment_id: experiment.experimentId };
  }

  @Get('get')
  async get(@Req() req: FastifyRequest) {
    const experiment = await this.experiments.get(MlflowRequest.of(req).requiredString('experiment_id'));
    return { experiment: experimentJson(experiment) };
  }

  @Get('get-by-name')
  async getByName(@Req() req: FastifyRequest) {
    const experiment = await this.experiments.getByName(
      MlflowRequest.of(req).requiredString('experiment_name'),
    );
    return { experiment: experimentJson(experiment) };
  }

  @Post('search')
  @HttpCode(200)
  searchByBody(@Req() req: FastifyRequest) {
    return this.searchExperiments(MlflowRequest.of(req));
  }

  @Get('search')
  searchByQuery(@Req() req: FastifyRequest) {
    return this.searchExperiments(MlflowRequest.of(req));
  }

  @Post('delete')
  @HttpCode(200)
  async delete(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    await this.experiments.delete(
      httpActor(principal, req),
      MlflowRequest.of(req).requiredString('experiment_id'),
    );
    return {};
  }

  @Post('restore')
  @HttpCode(200)
  async restore(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    await this.experiments.restore(
      httpActor(principal, req),
      MlflowRequest.of(req).requiredString('experiment_id'),
    );
    return {};
  }

  @Post('update')
  @HttpCode(200)
  async update(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    const experimentId = request.requiredString('experiment_id');
    await this.experiments.rename(
      httpActor(principal, req),
      experimentId,
      request.requiredString('new_name'),
    );
    return {};
  }

  @Post('set-experiment-tag')
  @HttpCode(200)
  async setTag(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.experiments.setTag(httpActor(principal, req), request.requiredString('experiment_id'), {
      key: request.requiredString('key'),
      value: request.optionalString('value') ?? '',
    });
    return {};
  }

  @Post('delete-experiment-tag')
  @HttpCode(200)
  async deleteTag(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.experiments.deleteTag(
      httpActor(principal, req),
      request.requiredString('experiment_id'),
      request.requiredString('key'),
    );
    return {};
  }

  private async searchExperiments(request: MlflowRequest) {
    const page = await this.search.search({
      filter: request.optionalString('filter'),
      orderBy: request.stringList('order_by'),
      pageToken: request.optionalString('page_token'),
      maxResults: request.optionalInteger('max_results'),
      viewType: viewTypeOf(request, 'view_type'),
    });
    return {
      ...(page.items.length > 0 && { experiments: page.items.map(experimentJson) }),
      ...(page.nextPageToken && { next_page_token: page.nextPageToken }),
    };
  }
}
