import {
  compileFilterSql,
  compileOrderBySql,
  type Filter,
  type FilterSqlMapping,
  type OrderBy,
  type SortSqlMapping,
} from '@flywheel/search-filter';
import type { LifecycleStage } from '../domain/lifecycle';
import type { TrackingTables } from '../database/tracking-tables';

/** One page of a run search, parsed and checked. */
export interface RunSearchPage {
  experimentIds: readonly bigint[];
  filter: Filter;
  /** Complete ordering (requested terms, then start_time DESC, run_id ASC). */
  orderBy: readonly OrderBy[];
  stages: readonly LifecycleStage[];
  offset: number;
  /** Rows to fetch: one more than the page size tells whether another page follows. */
  limit: number;
}

/**
 * Parameterized SQL selecting the run ids of one search page in order. Metrics compare and sort
 * on each run's latest value; params, tags and datasets through EXISTS on their keys, so `!=`
 * only matches runs that have the key (as in MLflow's SQL store). Keys and values travel as `$n`.
 */
export function runSearchSql(t: TrackingTables, page: RunSearchPage): { text: string; values: unknown[] } {
  const where = compileFilterSql(page.filter, filterMapping(t), { firstPlaceholder: 3 });
  const order = compileOrderBySql(page.orderBy, sortMapping(t), {
    firstPlaceholder: 3 + where.params.length,
  });
  const next = 3 + where.params.length + order.params.length;
  return {
    text: `SELECT r.run_id FROM ${t.runs} r
           WHERE r.experiment_id = ANY($1::bigint[]) AND r.lifecycle_stage = ANY($2::text[]) AND ${where.sql}
           ORDER BY ${order.sql} OFFSET $${next} LIMIT $${next + 1}`,
    values: [page.experimentIds, page.stages, ...where.params, ...order.params, page.offset, page.limit],
  };
}

function filterMapping(t: TrackingTables): FilterSqlMapping {
  const inputs = (predicate: string) =>
    `EXISTS (SELECT 1 FROM ${t.runInputs} i JOIN ${t.datasets} d ON d.dataset_id = i.dataset_id WHERE i.run_id = r.run_id AND ${predicate})`;
  return {
    metric: {
      column: 'm.value',
      template: `EXISTS (SELECT 1 FROM ${t.latestMetrics} m WHERE m.run_id = r.run_id AND m.key = {key} AND {predicate})`,
    },
    param: {
      column: 'p.value',
      template: `EXISTS (SELECT 1 FROM ${t.params} p WHERE p.run_id = r.run_id AND p.key = {key} AND {predicate})`,
    },
    tag: {
      column: 'g.value',
      template: `EXISTS (SELECT 1 FROM ${t.runTags} g WHERE g.run_id = r.run_id AND g.key = {key} AND {predicate})`,
    },
    attribute: RUN_ATTRIBUTES,
    dataset: {
      name: { column: 'd.name', template: inputs('{predicate}') },
      digest: { column: 'd.digest', template: inputs('{predicate}') },
      context: { column: 'i.context', template: inputs('{predicate}') },
    },
  };
}

const RUN_ATTRIBUTES = {
  run_id: 'r.run_id',
  run_name: 'r.run_name',
  status: 'r.status',
  user_id: 'r.user_id',
  artifact_uri: 'r.artifact_uri',
  start_time: 'r.start_time',
  end_time: 'r.end_time',
};

function sortMapping(t: TrackingTables): SortSqlMapping {
  return {
    metric: `(SELECT m.value FROM ${t.latestMetrics} m WHERE m.run_id = r.run_id AND m.key = {key})`,
    param: `(SELECT p.value FROM ${t.params} p WHERE p.run_id = r.run_id AND p.key = {key})`,
    tag: `(SELECT g.value FROM ${t.runTags} g WHERE g.run_id = r.run_id AND g.key = {key})`,
    attribute: RUN_ATTRIBUTES,
  };
}
