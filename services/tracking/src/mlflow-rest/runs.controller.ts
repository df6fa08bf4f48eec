import { Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@flywheel/access';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { RunSearchService } from '../runs/run-search.service';
import { RunsService } from '../runs/runs.service';
import { httpActor } from './http-actor';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { runStatusOf, viewTypeOf } from './mlflow-inputs';
import { runInfoJson, runJson } from './mlflow-json';
import { MlflowRequest } from './mlflow-request';

/** MLflow REST API 2.0: run lifecycle and search under `/api/2.0/mlflow/runs/*`. */
@Controller('api/2.0/mlflow/runs')
@UseFilters(MlflowExceptionFilter)
export class RunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly runSearch: RunSearchService,
  ) {}

  @Post('create')
  @HttpCode(200)
  async create(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    const run = await this.runs.create(httpActor(principal, req), {
      experimentId: request.optionalString('experiment_id'),
      userId: request.optionalString('user_id') ?? '',
      startTime: request.optionalInteger('start_time'),
      runName: request.optionalString('run_name'),
      tags: request.keyValues('tags'),
    });
    return { run: runJson(run) };
  }

  @Get('get')
  async get(@Req() req: FastifyRequest) {
    return { run: runJson(await this.runs.get(MlflowRequest.of(req).runId())) };
  }

  @Post('update')
  @HttpCode(200)
  async update(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    const info = await this.runs.update(httpActor(principal, req), request.runId(), {
      status: runStatusOf(request),
      endTime: request.optionalInteger('end_time'),
      runName: request.optionalString('run_name') || undefined,
    });
    return { run_info: runInfoJson(info) };
  }

  @Post('delete')
  @HttpCode(200)
  async delete(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    await this.runs.delete(httpActor(principal, req), MlflowRequest.of(req).requiredString('run_id'));
    return {};
  }

  @Post('restore')
  @HttpCode(200)
  async restore(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    await this.runs.restore(httpActor(principal, req), MlflowRequest.of(req).requiredString('run_id'));
    return {};
  }

  @Post('search')
  @HttpCode(200)
  async search(@Req() req: FastifyRequest) {
    const request = MlflowRequest.of(req);
    const page = await this.runSearch.search({
      experimentIds: request.stringList('experiment_ids'),
      filter: request.optionalString('filter'),
      orderBy: request.stringList('order_by'),
      pageToken: request.optionalString('page_token'),
      maxResults: request.optionalInteger('max_results'),
      viewType: viewTypeOf(request, 'run_view_type'),
    });
    return {
      ...(page.items.length > 0 && { runs: page.items.map(runJson) }),
      ...(page.nextPageToken && { next_page_token: page.nextPageToken }),
    };
  }
}
