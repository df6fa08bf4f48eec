import { METRIC_RULE, STRING_LIST_RULE, STRING_RULE, TIMESTAMP_RULE } from './field-rules';
import type { SearchSchema } from './search-schema';

/** `search_runs`: metrics, params, tags, run attributes and logged datasets. */
export const RUNS_SCHEMA: SearchSchema = {
  name: 'runs',
  prefixes: {
    metric: 'metric',
    metrics: 'metric',
    parameter: 'param',
    parameters: 'param',
    param: 'param',
    params: 'param',
    tag: 'tag',
    tags: 'tag',
    attribute: 'attribute',
    attributes: 'attribute',
    attr: 'attribute',
    run: 'attribute',
    dataset: 'dataset',
    datasets: 'dataset',
  },
  prefixNames: ['metric', 'parameter', 'tag', 'attribute', 'dataset'],
  entities: {
    metric: { kind: 'open', rule: METRIC_RULE, sortable: true },
    param: { kind: 'open', rule: STRING_RULE, sortable: true },
    tag: { kind: 'open', rule: STRING_RULE, sortable: true },
    attribute: {
      kind: 'closed',
      fields: {
        run_id: STRING_LIST_RULE,
        run_name: STRING_RULE,
        status: STRING_RULE,
        user_id: STRING_RULE,
        artifact_uri: STRING_RULE,
        start_time: TIMESTAMP_RULE,
        end_time: TIMESTAMP_RULE,
      },
      aliases: {
        created: 'start_time',
        Created: 'start_time',
        'run name': 'run_name',
        'Run name': 'run_name',
        'Run Name': 'run_name',
      },
      sortable: ['run_id', 'run_name', 'status', 'user_id', 'artifact_uri', 'start_time', 'end_time'],
    },
    dataset: {
      kind: 'closed',
      fields: { name: STRING_LIST_RULE, digest: STRING_LIST_RULE, context: STRING_LIST_RULE },
      aliases: {},
      sortable: [],
    },
  },
  defaultOrderBy: [],
  // MLflow's SQL store: newest first, then run id, whatever the request orders by.
  tieBreakers: [
    { entity: 'attribute', key: 'start_time', direction: 'DESC' },
    { entity: 'attribute', key: 'run_id', direction: 'ASC' },
  ],
};
