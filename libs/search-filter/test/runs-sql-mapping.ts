import type { FilterSqlMapping, SortSqlMapping } from '../src/index';

/** A tracking-store layout in the spirit of MLflow's: runs `r`, latest metrics, params, tags, inputs. */
export const RUNS_FILTER_SQL: FilterSqlMapping = {
  metric: {
    column: 'm.value',
    template:
      'EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = {key} AND {predicate})',
  },
  param: {
    column: 'p.value',
    template:
      'EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.key = {key} AND {predicate})',
  },
  tag: {
    column: 't.value',
    template: 'EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.key = {key} AND {predicate})',
  },
  attribute: {
    run_id: 'r.run_uuid',
    run_name: 'r.name',
    status: 'r.status',
    user_id: 'r.user_id',
    artifact_uri: 'r.artifact_uri',
    start_time: 'r.start_time',
    end_time: 'r.end_time',
  },
  dataset: {
    name: {
      column: 'd.name',
      template: 'EXISTS (SELECT 1 FROM run_datasets d WHERE d.run_uuid = r.run_uuid AND {predicate})',
    },
    digest: {
      column: 'd.digest',
      template: 'EXISTS (SELECT 1 FROM run_datasets d WHERE d.run_uuid = r.run_uuid AND {predicate})',
    },
    context: {
      column: 'd.context',
      template: 'EXISTS (SELECT 1 FROM run_datasets d WHERE d.run_uuid = r.run_uuid AND {predicate})',
    },
  },
};

export const RUNS_SORT_SQL: SortSqlMapping = {
  metric: '(SELECT m.value FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = {key})',
  param: '(SELECT p.value FROM params p WHERE p.run_uuid = r.run_uuid AND p.key = {key})',
  tag: '(SELECT t.value FROM tags t WHERE t.run_uuid = r.run_uuid AND t.key = {key})',
  attribute: {
    run_id: 'r.run_uuid',
    run_name: 'r.name',
    status: 'r.status',
    user_id: 'r.user_id',
    artifact_uri: 'r.artifact_uri',
    start_time: 'r.start_time',
    end_time: 'r.end_time',
  },
};
