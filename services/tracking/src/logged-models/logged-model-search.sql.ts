import {
  compileFilterSql,
  compileOrderBySql,
  type Filter,
  type FilterSqlMapping,
  type OrderBy,
  type SortSqlMapping,
} from '@flywheel/search-filter';
import type { TrackingTables } from '../database/tracking-tables';

/** One page of a logged model search, parsed and checked. */
export interface LoggedModelSearchPage {
  experimentIds: readonly bigint[];
  filter: Filter;
  /** Complete ordering (requested terms, then creation_timestamp DESC, model_id ASC). */
  orderBy: readonly OrderBy[];
  offset: number;
  /** Rows to fetch: one more than the page size tells whether another page follows. */
  limit: number;
}

const ATTRIBUTES = {
  name: 'lm.name',
  model_id: 'lm.model_id',
  model_type: 'lm.model_type',
  source_run_id: 'lm.source_run_id',
  creation_timestamp: 'lm.creation_timestamp_ms',
  last_updated_timestamp: 'lm.last_updated_timestamp_ms',
};

/**
 * Parameterized SQL selecting the model ids of one search page of active models, in order.
 * Metrics compare and sort on each model's latest value (by timestamp, then step, as MLflow);
 * params and tags match through EXISTS on their key, so `!=` only matches models that have the
 * key (as MLflow's SQL store). Keys and values travel as `$n`.
 */
export function loggedModelSearchSql(
  t: TrackingTables,
  page: LoggedModelSearchPage,
): { text: string; values: unknown[] } {
  const where = compileFilterSql(page.filter, filterMapping(t), { firstPlaceholder: 2 });
  const order = compileOrderBySql(page.orderBy, sortMapping(t), {
    firstPlaceholder: 2 + where.params.length,
  });
  const next = 2 + where.params.length + order.params.length;
  return {
    text: `SELECT lm.model_id FROM ${t.loggedModels} lm
           WHERE lm.experiment_id = ANY($1::bigint[]) AND lm.lifecycle_stage = 'active' AND ${where.sql}
           ORDER BY ${order.sql} OFFSET $${next} LIMIT $${next + 1}`,
    values: [page.experimentIds, ...where.params, ...order.params, page.offset, page.limit],
  };
}

/** The latest value of metric `{key}` of model `lm`: one row, or none. */
function latestMetric(t: TrackingTables): string {
  return `SELECT mm.value FROM ${t.loggedModelMetrics} mm WHERE mm.model_id = lm.model_id AND mm.key = {key}
          ORDER BY mm.timestamp DESC, mm.step DESC LIMIT 1`;
}

function filterMapping(t: TrackingTables): FilterSqlMapping {
  return {
    metric: {
      column: 'm.value',
      template: `EXISTS (SELECT 1 FROM (${latestMetric(t)}) m WHERE {predicate})`,
    },
    param: {
      column: 'p.value',
      template: `EXISTS (SELECT 1 FROM ${t.loggedModelParams} p WHERE p.model_id = lm.model_id AND p.key = {key} AND {predicate})`,
    },
    tag: {
      column: 'g.value',
      template: `EXISTS (SELECT 1 FROM ${t.loggedModelTags} g WHERE g.model_id = lm.model_id AND g.key = {key} AND {predicate})`,
    },
    attribute: ATTRIBUTES,
  };
}

function sortMapping(t: TrackingTables): SortSqlMapping {
  return { metric: `(${latestMetric(t)})`, attribute: ATTRIBUTES };
}
