import { Controller, Get, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MetricHistoryService } from '../metrics/metric-history.service';
import { MlflowExceptionFilter } from './mlflow-exception.filter';
import { jsonDouble, metricJson } from './mlflow-json';
import { MlflowRequest } from './mlflow-request';

/** MLflow REST API 2.0: metric histories under `/api/2.0/mlflow/metrics/*`. */
@Controller('api/2.0/mlflow/metrics')
@UseFilters(MlflowExceptionFilter)
export class MetricsController {
  constructor(private readonly history: MetricHistoryService) {}

  @Get('get-history')
  async getHistory(@Req() req: FastifyRequest) {
    const request = MlflowRequest.of(req);
    const page = await this.history.get(
      request.runId(),
      request.requiredString('metric_key'),
      request.optionalInteger('max_results'),
      request.optionalString('page_token'),
    );
    return {
      ...(page.items.length > 0 && { metrics: page.items.map(metricJson) }),
      ...(page.nextPageToken && { next_page_token: page.nextPageToken }),
    };
  }

  @Get('get-history-bulk-interval')
  async getHistoryBulkInterval(@Req() req: FastifyRequest) {
    const request = MlflowRequest.of(req);
    const metrics = await this.history.sampleAcrossRuns({
      runIds: request.stringList('run_ids'),
      metricKey: request.optionalString('metric_key') ?? '',
      maxResults: request.optionalInteger('max_results'),
      startStep: request.optionalInteger('start_step'),
      endStep: request.optionalInteger('end_step'),
    });
    return {
      ...(metrics.length > 0 && {
        metrics: metrics.map((m) => ({
          key: m.key,
          value: jsonDouble(m.value),
          timestamp: m.timestamp,
          step: m.step,
          run_id: m.runId,
        })),
      }),
    };
  }
}
