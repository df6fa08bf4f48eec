import { STRING_COMPARATORS, NUMERIC_COMPARATORS, type SearchSchema } from '@flywheel/search-filter';

const STRING = { valueType: 'string', comparators: STRING_COMPARATORS } as const;
const TIMESTAMP = { valueType: 'number', comparators: NUMERIC_COMPARATORS, integer: true } as const;
const METRIC = { valueType: 'number', comparators: NUMERIC_COMPARATORS } as const;

/**
 * `search_logged_models`: model attributes, metrics (latest value), params and tags
 * (`name = 'model'`, `metrics.acc > 0.9`, `params.alpha = '0.5'`, `tags.team = 'risk'`,
 * `creation_timestamp > 1700000000000`). Newest first, then model id, whatever the request
 * orders by, as MLflow's SQL store does.
 */
export const LOGGED_MODELS_SCHEMA: SearchSchema = {
  name: 'loggedModels',
  prefixes: {
    metric: 'metric',
    metrics: 'metric',
    attribute: 'attribute',
    attributes: 'attribute',
    param: 'param',
    params: 'param',
    tag: 'tag',
    tags: 'tag',
  },
  prefixNames: ['attribute', 'metric', 'param', 'tag'],
  entities: {
    metric: { kind: 'open', rule: METRIC, sortable: true },
    param: { kind: 'open', rule: STRING, sortable: false },
    tag: { kind: 'open', rule: STRING, sortable: false },
    attribute: {
      kind: 'closed',
      fields: {
        name: STRING,
        model_id: STRING,
        model_type: STRING,
        source_run_id: STRING,
        creation_timestamp: TIMESTAMP,
        last_updated_timestamp: TIMESTAMP,
      },
      aliases: {
        creation_time: 'creation_timestamp',
        creation_timestamp_ms: 'creation_timestamp',
        last_updated_timestamp_ms: 'last_updated_timestamp',
      },
      sortable: [
        'name',
        'model_id',
        'model_type',
        'source_run_id',
        'creation_timestamp',
        'last_updated_timestamp',
      ],
    },
  },
  defaultOrderBy: [],
  tieBreakers: [
    { entity: 'attribute', key: 'creation_timestamp', direction: 'DESC' },
    { entity: 'attribute', key: 'model_id', direction: 'ASC' },
  ],
};
