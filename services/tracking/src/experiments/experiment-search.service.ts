import { Injectable } from '@nestjs/common';
import { EXPERIMENTS_SCHEMA } from '@flywheel/search-filter';
import { RequestLimits } from '@flywheel/service-kit';
import type { Experiment } from '../domain/experiment';
import { type ViewType, stagesOf } from '../domain/lifecycle';
import type { Page } from '../domain/page';
import { type SearchText, pageOf, pageSize, parseSearch } from '../domain/search-request';
import { TrackingDatabase } from '../database/tracking-database';
import { ExperimentRepository } from './experiment.repository';

export interface ExperimentSearch extends SearchText {
  maxResults?: number;
  viewType?: ViewType;
}

/** MLflow's default and largest page of search_experiments. */
const EXPERIMENT_PAGE = { fallback: 1000, max: 50_000 };

/** Searches experiments with MLflow's filter grammar, ordering and offset page tokens. */
@Injectable()
export class ExperimentSearchService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly experiments: ExperimentRepository,
    private readonly limits: RequestLimits,
  ) {}

  async search(request: ExperimentSearch): Promise<Page<Experiment>> {
    const { filter, orderBy, offset } = parseSearch(request, EXPERIMENTS_SCHEMA);
    const size = pageSize(request.maxResults, { ...EXPERIMENT_PAGE, serverMax: this.limits.maxPageSize });
    const rows = await this.database.withConnection((c) =>
      this.experiments.search(c, {
        filter,
        orderBy,
        stages: stagesOf(request.viewType ?? 'ACTIVE_ONLY'),
        offset,
        limit: size + 1,
      }),
    );
    return pageOf(rows, offset, size);
  }
}
