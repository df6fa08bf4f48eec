import { Injectable } from '@nestjs/common';
import { RUNS_SCHEMA } from '@flywheel/search-filter';
import { RequestLimits } from '@flywheel/service-kit';
import { type ViewType, stagesOf } from '../domain/lifecycle';
import type { Page } from '../domain/page';
import type { Run } from '../domain/run';
import { type SearchText, pageOf, pageSize, parseSearch } from '../domain/search-request';
import { parseExperimentId } from '../domain/validation/experiment-input';
import { TrackingDatabase } from '../database/tracking-database';
import { RunQueryRepository } from './run-query.repository';

export interface RunSearch extends SearchText {
  experimentIds: readonly string[];
  maxResults?: number;
  viewType?: ViewType;
}

/** MLflow's default and largest page of search_runs. */
const RUN_PAGE = { fallback: 1000, max: 50_000 };

/**
 * Searches runs of some experiments with MLflow's filter grammar
 * (`metrics.rmse < 0.5 and params.model = 'xgb' and tags.team = 'risk' and attributes.status = 'FINISHED'`),
 * ordering and offset page tokens, compiled to parameterized SQL.
 */
@Injectable()
export class RunSearchService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly runQueries: RunQueryRepository,
    private readonly limits: RequestLimits,
  ) {}

  async search(request: RunSearch): Promise<Page<Run>> {
    const experimentIds = request.experimentIds.map(parseExperimentId);
    const { filter, orderBy, offset } = parseSearch(request, RUNS_SCHEMA);
    const size = pageSize(request.maxResults, { ...RUN_PAGE, serverMax: this.limits.maxPageSize });
    if (experimentIds.length === 0) return { items: [] };
    const runs = await this.database.withConnection((c) =>
      this.runQueries.search(c, {
        experimentIds,
        filter,
        orderBy,
        stages: stagesOf(request.viewType ?? 'ACTIVE_ONLY'),
        offset,
        limit: size + 1,
      }),
    );
    return pageOf(runs, offset, size);
  }
}
