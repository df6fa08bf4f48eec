import { Injectable } from '@nestjs/common';
import { decodePageToken, encodePageToken } from '@flywheel/search-filter';
import type { Page } from '../domain/page';
import type { Metric } from '../domain/run';
import { invalidArgument } from '../domain/tracking-error';
import { TrackingDatabase } from '../database/tracking-database';
import { runNotFound } from '../runs/run-guards';
import { RunRepository } from '../runs/run.repository';
import { capSample } from './metric-sample';
import { MetricHistoryRepository, type RunMetric } from './metric-history.repository';

/** MLflow's limits of get-history-bulk-interval. */
export const BULK_INTERVAL_LIMITS = Object.freeze({ runIds: 100, maxResultsPerRun: 2500 });

export interface BulkIntervalRequest {
  runIds: string[];
  metricKey: string;
  maxResults?: number;
  startStep?: number;
  endStep?: number;
}

/** Metric histories: every value of one run's metric, or an even sample across runs. */
@Injectable()
export class MetricHistoryService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly runs: RunRepository,
    private readonly history: MetricHistoryRepository,
  ) {}

  /** In timestamp, step, value order; the whole history unless `maxResults` pages it. */
  async get(
    runId: string,
    metricKey: string,
    maxResults?: number,
    pageToken?: string,
  ): Promise<Page<Metric>> {
    if (maxResults !== undefined && (!Number.isSafeInteger(maxResults) || maxResults < 1)) {
      throw invalidArgument(
        `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer.`,
      );
    }
    const offset = offsetOf(pageToken);
    return this.database.withConnection(async (c) => {
      if (!(await this.runs.findInfo(c, runId))) throw runNotFound(runId);
      const limit = maxResults === undefined ? null : maxResults + 1;
      const metrics = await this.history.history(c, runId, metricKey, offset, limit);
      if (maxResults === undefined || metrics.length <= maxResults) return { items: metrics };
      return {
        items: metrics.slice(0, maxResults),
        nextPageToken: encodePageToken({ offset: offset + maxResults }),
      };
    });
  }

  /** Up to `maxResults` (default 2500) values per run, evenly sampled, first and last kept. */
  async sampleAcrossRuns(request: BulkIntervalRequest): Promise<RunMetric[]> {
    const maxResults = checkBulkRequest(request);
    const steps = stepRange(request.startStep, request.endStep);
    return this.database.withConnection(async (c) => {
      for (const runId of request.runIds) if (!(await this.runs.findInfo(c, runId))) throw runNotFound(runId);
      const sample = await this.history.sample(c, request.runIds, request.metricKey, maxResults, steps);
      return request.runIds.flatMap((runId) =>
        capSample(
          sample.filter((m) => m.runId === runId),
          maxResults,
        ),
      );
    });
  }
}

function checkBulkRequest(request: BulkIntervalRequest): number {
  const { runIds, maxResultsPerRun } = BULK_INTERVAL_LIMITS;
  if (request.runIds.length === 0) throw invalidArgument("Missing value for required parameter 'run_ids'.");
  if (request.runIds.length > runIds) {
    throw invalidArgument(
      `GetMetricHistoryBulkInterval request must specify at most ${runIds} run_ids. Received ${request.runIds.length} run_ids.`,
    );
  }
  if (request.metricKey === '') throw invalidArgument("Missing value for required parameter 'metric_key'.");
  const maxResults = request.maxResults ?? maxResultsPerRun;
  if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > maxResultsPerRun) {
    throw invalidArgument(`max_results must be between 1 and ${maxResultsPerRun}.`);
  }
  return maxResults;
}

function stepRange(
  start: number | undefined,
  end: number | undefined,
): { start: number; end: number } | undefined {
  if (start === undefined && end === undefined) return undefined;
  if (start === undefined || end === undefined) {
    throw invalidArgument('If either start step or end step are specified, both must be specified.');
  }
  if (start > end) {
    throw invalidArgument(
      `end_step must be greater than start_step. Found start_step=${start} and end_step=${end}.`,
    );
  }
  return { start, end };
}

function offsetOf(pageToken: string | undefined): number {
  if (!pageToken) return 0;
  const page = decodePageToken(pageToken);
  if (!page.ok) throw invalidArgument(page.error.message);
  if (!('offset' in page.value))
    throw invalidArgument('Invalid page token, it was not issued by this server');
  return page.value.offset;
}
