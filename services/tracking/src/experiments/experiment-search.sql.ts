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

/** One page of an experiment search, parsed and checked. */
export interface ExperimentSearchPage {
  filter: Filter;
  /** Complete ordering (requested terms or the default, then the tie-breaker). */
  orderBy: readonly OrderBy[];
  stages: readonly LifecycleStage[];
  offset: number;
  /** Rows to fetch: one more than the page size tells whether another page follows. */
  limit: number;
}

/**
 * Parameterized SQL for an experiment search over `e`: the filter and ordering compile from
 * MLflow's grammar through the column mappings below, so keys and values only travel as `$n`.
 */
export function experimentSearchSql(
  tables: TrackingTables,
  columns: string,
  page: ExperimentSearchPage,
): { text: string; values: unknown[] } {
  const filterMapping: FilterSqlMapping = {
    tag: {
      column: 'x.value',
      template: `EXISTS (SELECT 1 FROM ${tables.experimentTags} x WHERE x.experiment_id = e.experiment_id AND x.key = {key} AND {predicate})`,
    },
    attribute: { name: 'e.name', creation_time: 'e.creation_time', last_update_time: 'e.last_update_time' },
  };
  const sortMapping: SortSqlMapping = {
    attribute: {
      name: 'e.name',
      experiment_id: 'e.experiment_id',
      creation_time: 'e.creation_time',
      last_update_time: 'e.last_update_time',
    },
  };
  const where = compileFilterSql(page.filter, filterMapping, { firstPlaceholder: 2 });
  const order = compileOrderBySql(page.orderBy, sortMapping, { firstPlaceholder: 2 + where.params.length });
  const next = 2 + where.params.length + order.params.length;
  return {
    text: `SELECT ${columns} FROM ${tables.experiments} e
           WHERE e.lifecycle_stage = ANY($1::text[]) AND ${where.sql}
           ORDER BY ${order.sql} OFFSET $${next} LIMIT $${next + 1}`,
    values: [page.stages, ...where.params, ...order.params, page.offset, page.limit],
  };
}
