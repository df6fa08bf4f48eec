import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@flywheel/access';
import { CurrentPrincipal } from '@flywheel/service-kit';
import { checkBatchRequestSize } from '../domain/validation/batch-limits';
import { LoggedModelsService } from '../logged-models/logged-models.service';
import { RunLoggingService } from '../metrics/run-logging.service';
import { RunInputsService } from '../runs/run-inputs.service';
import { httpActor } from './http-actor';
import { modelOutputsOf } from './logged-model-inputs';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { datasetInputsOf, metricOf } from './mlflow-inputs';
import { MlflowRequest } from './mlflow-request';
import { bodySizeOf } from './request-body';

/** MLflow REST API 2.0: logging to runs under `/api/2.0/mlflow/runs/*`. */
@Controller('api/2.0/mlflow/runs')
@UseFilters(MlflowExceptionFilter)
export class RunLoggingController {
  constructor(
    private readonly logging: RunLoggingService,
    private readonly inputs: RunInputsService,
    private readonly loggedModels: LoggedModelsService,
  ) {}

  @Post('log-batch')
  @HttpCode(200)
  async logBatch(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    checkBatchRequestSize(bodySizeOf(req));
    const request = MlflowRequest.of(req);
    await this.logging.logBatch(httpActor(principal, req), request.runId(), {
      metrics: request.messages('metrics').map(metricOf),
      params: request.keyValues('params'),
      tags: request.keyValues('tags'),
    });
    return {};
  }

  @Post('log-metric')
  @HttpCode(200)
  async logMetric(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.logging.logMetric(httpActor(principal, req), request.runId(), metricOf(request));
    return {};
  }

  @Post('log-parameter')
  @HttpCode(200)
  async logParam(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.logging.logParam(httpActor(principal, req), request.runId(), {
      key: request.requiredString('key'),
      value: request.optionalString('value') ?? '',
    });
    return {};
  }

  @Post('set-tag')
  @HttpCode(200)
  async setTag(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.logging.setTag(httpActor(principal, req), request.runId(), {
      key: request.requiredString('key'),
      value: request.optionalString('value') ?? '',
    });
    return {};
  }

  @Post('delete-tag')
  @HttpCode(200)
  async deleteTag(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.logging.deleteTag(httpActor(principal, req), request.runId(), request.requiredString('key'));
    return {};
  }

  @Post('log-model')
  @HttpCode(200)
  async logModel(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.logging.recordLoggedModel(
      httpActor(principal, req),
      request.runId(),
      request.requiredString('model_json'),
    );
    return {};
  }

  @Post('log-inputs')
  @HttpCode(200)
  async logInputs(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.inputs.logInputs(httpActor(principal, req), request.runId(), datasetInputsOf(request));
    return {};
  }

  /** MLflow 3: the logged models a run produced (`mlflow.<flavor>.log_model` sends one). */
  @Post('outputs')
  @HttpCode(200)
  async logOutputs(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal) {
    const request = MlflowRequest.of(req);
    await this.loggedModels.logOutputs(httpActor(principal, req), request.runId(), modelOutputsOf(request));
    return {};
  }
}
