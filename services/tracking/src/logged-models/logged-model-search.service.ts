import { Injectable } from '@nestjs/common';
import { RequestLimits } from '@flywheel/service-kit';
import type { LoggedModel } from '../domain/logged-model';
import type { Page } from '../domain/page';
import { type SearchText, pageOf, pageSize, parseSearch } from '../domain/search-request';
import { invalidArgument } from '../domain/tracking-error';
import { parseExperimentId } from '../domain/validation/experiment-input';
import { TrackingDatabase } from '../database/tracking-database';
import { LOGGED_MODELS_SCHEMA } from './logged-model-search-schema';
import { LoggedModelRepository } from './logged-model.repository';

export interface LoggedModelSearch extends SearchText {
  experimentIds: readonly string[];
  maxResults?: number;
}

/** MLflow's default page of search_logged_models; the largest is the runs search's. */
const MODEL_PAGE = { fallback: 100, max: 50_000 };

/**
 * Searches the active logged models of some experiments with MLflow's filter grammar over
 * attributes, params and tags, ordering and offset page tokens, compiled to parameterized SQL.
 */
@Injectable()
export class LoggedModelSearchService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly models: LoggedModelRepository,
    private readonly limits: RequestLimits,
  ) {}

  async search(request: LoggedModelSearch): Promise<Page<LoggedModel>> {
    if (request.experimentIds.length === 0) {
      throw invalidArgument(
        "Missing value for required parameter 'experiment_ids'. See the API docs for more information about request parameters.",
      );
    }
    const experimentIds = request.experimentIds.map(parseExperimentId);
    const { filter, orderBy, offset } = parseSearch(request, LOGGED_MODELS_SCHEMA);
    const size = pageSize(request.maxResults, { ...MODEL_PAGE, serverMax: this.limits.maxPageSize });
    const models = await this.database.withConnection((c) =>
      this.models.search(c, { experimentIds, filter, orderBy, offset, limit: size + 1 }),
    );
    return pageOf(models, offset, size);
  }
}
